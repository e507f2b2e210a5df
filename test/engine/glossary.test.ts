/**
 * Every Chinese text in the product uses the glossary's terms (src/engine/glossary.ts).
 *
 * The texts are read from the source itself, so a catalogue added tomorrow is checked without anyone listing it here:
 * every string and template literal in `src/` that holds Chinese, and the Chinese metadata of the formulas. English
 * and Chinese texts are paired where the code pairs them: `{ en: …, zh: … }` objects (also nested catalogues and
 * arrow functions returning a template), `const en = {…}` / `const zh = {…}` catalogues in one file (by key), and
 * calls that pass an English text followed by its Chinese text (`fail(field, "…", "…")`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { GLOSSARY, type GlossaryTerm } from "../../src/engine/glossary";

const ROOT = join(__dirname, "..", "..");
const SRC = join(ROOT, "src");
const CJK = /[\u3400-\u9fff]/;

/**
 * Files whose Chinese literals are not texts for users: the glossary's own lists of forbidden words. In the
 * catalogues, the headers the engine recognises in the user's data are not texts either (NOT_TEXT_KEYS).
 */
const NOT_TEXTS = new Set(["src/engine/glossary.ts"]);
const NOT_TEXT_KEYS = new Set(["recognisedHeaders", "nameHeaders"]);
/**
 * Traditional Chinese texts follow the Taiwan glossary (GLOSSARY_ZH_TW, checked by test/i18n/traditionalChinese.test.ts),
 * not this one: their catalogues' folder, and a profile's own "zh-TW" texts.
 */
const TRADITIONAL_FOLDER = "src/i18n/zh-TW/";
const TRADITIONAL_KEY = "zh-TW";
const CATALOGUES = join(SRC, "i18n");

interface Text {
  where: string;
  text: string;
}
interface Pair {
  where: string;
  en: string;
  zh: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** A literal's text, with each `${…}` shown as "…"; undefined for anything else. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => `…${s.literal.text}`).join("");
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    return literalText(node.expression);
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return literalText(node.body);
  return undefined;
}

function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  if (!ts.isPropertyAssignment(p)) return undefined;
  return ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
}

function unwrap(node: ts.Node): ts.Node {
  return ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)
    ? unwrap(node.expression)
    : node;
}

/** Pairs the English and Chinese sides of two parallel values (texts, or objects of texts by key). */
function pairValues(en: ts.Node, zh: ts.Node, where: string, out: Pair[]): void {
  const e = unwrap(en),
    z = unwrap(zh);
  const enText = literalText(e),
    zhText = literalText(z);
  if (enText !== undefined && zhText !== undefined) {
    out.push({ where, en: enText, zh: zhText });
    return;
  }
  if (ts.isObjectLiteralExpression(e) && ts.isObjectLiteralExpression(z)) {
    const zhByName = new Map(z.properties.map((p) => [propertyName(p), p] as const));
    for (const p of e.properties) {
      const name = propertyName(p);
      const q = name === undefined ? undefined : zhByName.get(name);
      if (name && q && ts.isPropertyAssignment(p) && ts.isPropertyAssignment(q))
        pairValues(p.initializer, q.initializer, `${where}.${name}`, out);
    }
  }
}

function readSource(path: string): { texts: Text[]; pairs: Pair[] } {
  const file = relative(ROOT, path);
  const source = ts.createSourceFile(
    path,
    readFileSync(path, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    path.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const texts: Text[] = [];
  const pairs: Pair[] = [];
  const catalogues: Partial<Record<"en" | "zh", ts.Node>> = {};
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && NOT_TEXT_KEYS.has(propertyName(node) ?? "")) return;
    if (ts.isPropertyAssignment(node) && propertyName(node) === TRADITIONAL_KEY) return;
    const text = literalText(node);
    if (text !== undefined && !ts.isArrowFunction(node) && CJK.test(text)) texts.push({ where: at(node), text });
    if (ts.isJsxText(node) && CJK.test(node.text)) texts.push({ where: at(node), text: node.text });
    if (ts.isObjectLiteralExpression(node)) {
      const en = node.properties.find((p) => propertyName(p) === "en");
      const zh = node.properties.find((p) => propertyName(p) === "zh");
      if (en && zh && ts.isPropertyAssignment(en) && ts.isPropertyAssignment(zh))
        pairValues(en.initializer, zh.initializer, at(node), pairs);
    }
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      (node.name.text === "en" || node.name.text === "zh") &&
      node.initializer
    ) {
      catalogues[node.name.text] = node.initializer;
    }
    if (ts.isCallExpression(node)) {
      const args = node.arguments.map(literalText);
      for (let i = 0; i + 1 < args.length; i++) {
        const en = args[i],
          zh = args[i + 1];
        if (en !== undefined && zh !== undefined && !CJK.test(en) && CJK.test(zh))
          pairs.push({ where: at(node), en, zh });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (catalogues.en && catalogues.zh) pairValues(catalogues.en, catalogues.zh, `${file} catalogue`, pairs);
  return { texts, pairs };
}

/** A language's catalogue in src/i18n/<lang>/: the object its default export names. */
function catalogueObject(path: string): ts.Node | undefined {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const exported = source.statements.find(ts.isExportAssignment)?.expression;
  if (!exported || !ts.isIdentifier(exported)) return undefined;
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === exported.text)
      found = node.initializer;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The English and Chinese catalogues paired by key, file by file (src/i18n/en/X.ts with src/i18n/zh/X.ts). */
function cataloguePairs(): Pair[] {
  const pairs: Pair[] = [];
  for (const name of readdirSync(join(CATALOGUES, "en")).filter((f) => f.endsWith(".ts"))) {
    const en = catalogueObject(join(CATALOGUES, "en", name));
    const zh = catalogueObject(join(CATALOGUES, "zh", name));
    if (en && zh) pairValues(en, zh, `src/i18n/zh/${name}`, pairs);
  }
  return pairs;
}

/** The formulas' Chinese metadata: every string value of the translation table. */
function metadataTexts(): Text[] {
  const file = "src/functions/functions.zh-CN.translation.json";
  const texts: Text[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === "string") {
      if (CJK.test(v) && !path.endsWith("//")) texts.push({ where: `${file} ${path}`, text: v });
    } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}/${k}`);
  };
  walk(JSON.parse(readFileSync(join(ROOT, file), "utf8")), "");
  return texts;
}

const files = sourceFiles(SRC).filter(
  (f) => !NOT_TEXTS.has(relative(ROOT, f)) && !relative(ROOT, f).startsWith(TRADITIONAL_FOLDER),
);
const read = files.map(readSource);
const chineseTexts = [...read.flatMap((r) => r.texts), ...metadataTexts()];
const pairs = [...read.flatMap((r) => r.pairs), ...cataloguePairs()];
const terms = Object.entries(GLOSSARY) as [string, GlossaryTerm][];

describe("the glossary", () => {
  it("has one Chinese term per concept, accepted where its concept is named, and never forbidden elsewhere", () => {
    const chosen = new Map<string, string>();
    for (const [concept, t] of terms) {
      expect([concept, t.zhAccepted.includes(t.zh)]).toEqual([concept, true]);
      expect([concept, t.enMatch.test(t.en)]).toEqual([concept, true]);
      expect([concept, chosen.get(t.zh)]).toEqual([concept, undefined]);
      chosen.set(t.zh, concept);
      for (const [other, u] of terms) {
        // A word forbidden for one concept must not be another concept's term.
        expect([concept, other, u.zhForbidden.includes(t.zh)]).toEqual([concept, other, false]);
      }
    }
  });

  it("finds the product's Chinese texts (the scan is not reading nothing)", () => {
    expect(chineseTexts.length).toBeGreaterThan(300);
    expect(pairs.length).toBeGreaterThan(250);
    for (const file of [
      "src/i18n/zh/pane.ts",
      "src/i18n/zh/editor.ts",
      "src/i18n/zh/engine.ts",
      "src/i18n/zh/functions.ts",
      "src/i18n/zh/cli.ts",
      "src/i18n/zh/adapter.ts",
    ]) {
      expect([file, pairs.some((p) => p.where.startsWith(file))]).toEqual([file, true]);
    }
  });
});

describe("every Chinese text in the product", () => {
  it("uses no synonym the glossary forbids", () => {
    const found = chineseTexts.flatMap(({ where, text }) =>
      terms.flatMap(([concept, t]) =>
        t.zhForbidden
          .filter((w) => text.includes(w))
          .map((w) => `${where}: “${w}” in “${text}” (say ${t.zh}: ${concept})`),
      ),
    );
    expect(found).toEqual([]);
  });

  it("names a concept with the glossary's term wherever its English counterpart names it", () => {
    const found = pairs.flatMap(({ where, en, zh }) =>
      terms
        // A placeholder ("{cadence}") is a value filled in later, not the concept named in the text.
        .filter(([, t]) => t.enMatch.test(en.replace(/\{\w+\}/g, "…")) && !t.zhAccepted.some((w) => zh.includes(w)))
        .map(([concept, t]) => `${where}: “${en}” / “${zh}” lacks ${t.zh} (${concept})`),
    );
    expect(found).toEqual([]);
  });

  it("has English counterparts that use the glossary's English term", () => {
    const found = pairs.flatMap(({ where, en }) =>
      terms.flatMap(([concept, t]) =>
        (t.enForbidden ?? []).filter((re) => re.test(en)).map(() => `${where}: “${en}” (say ${t.en}: ${concept})`),
      ),
    );
    expect(found).toEqual([]);
  });
});
