/* global module */
// Plain CommonJS: webpack.config.js runs it at build time (no TypeScript loader there), and jest tests it.

/**
 * Builds a localized custom-functions metadata document from the generated English one and a translation table.
 * Only display texts change (function name if the table gives one, descriptions, parameter names and help); ids,
 * parameter order, types, dimensionality and flags are copied, so the two files cannot disagree about the contract.
 * Throws when the table and the functions have drifted apart: a function or parameter without a translation, or a
 * translation for something that no longer exists.
 */
function localizeMetadata(english, table) {
  const problems = [];
  const functions = english.functions || [];
  const entries = table.functions || {};
  const shared = table.parameters || {};
  const sharedUsed = new Set();

  const localizedFunctions = functions.map((fn) => {
    const entry = entries[fn.id];
    if (!entry) {
      problems.push(`function ${fn.id} has no translation`);
      return fn;
    }
    if (!entry.description) problems.push(`function ${fn.id} has no translated description`);
    const own = entry.parameters || {};
    for (const name of Object.keys(own)) {
      if (!(fn.parameters || []).some((p) => p.name === name)) {
        problems.push(`function ${fn.id} has no parameter ${name} (translation table is out of date)`);
      }
    }
    const parameters = (fn.parameters || []).map((p) => {
      const t = own[p.name] || shared[p.name];
      if (!own[p.name] && shared[p.name]) sharedUsed.add(p.name);
      if (!t || !t.name || !t.description) {
        problems.push(`parameter ${p.name} of ${fn.id} has no translated name and description`);
        return p;
      }
      return { ...p, name: t.name, description: t.description };
    });
    return { ...fn, name: entry.name || fn.name, description: entry.description, parameters };
  });

  for (const id of Object.keys(entries)) {
    if (!functions.some((fn) => fn.id === id)) problems.push(`translation for unknown function ${id}`);
  }
  for (const name of Object.keys(shared)) {
    if (!sharedUsed.has(name)) problems.push(`translation for unknown parameter ${name}`);
  }
  if (problems.length > 0) throw new Error(problems.join("; "));
  return { ...english, functions: localizedFunctions };
}

module.exports = { localizeMetadata };
