/**
 * The engine is shared by the add-in, the custom functions and the command line, so it must stay pure TypeScript:
 * it may import only its own modules and the product's catalogues (src/i18n), and a catalogue only other catalogues
 * and the engine's types. (The engine's own tsconfig, run by `npm run typecheck`, catches DOM, Node and Office globals
 * in both folders; this catches imports that would drag another layer or a package into every bundle.)
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";

const SRC = join(__dirname, "..", "..", "src");
const ENGINE_DIR = join(SRC, "engine");
const I18N_DIR = join(SRC, "i18n");
const tsFiles = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"));
const sources = tsFiles(ENGINE_DIR);
const catalogues = tsFiles(I18N_DIR);

function importsOf(text: string): string[] {
  const found: string[] = [];
  // Import and export statements, side-effect imports, dynamic imports and requires (a text ending in "from" is none).
  const statements =
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']|\b(?:import|require)\s*\(\s*["']([^"']+)["']/gm;
  for (const m of text.matchAll(statements)) found.push(m[1] ?? m[2] ?? m[3]);
  return found;
}

it("finds the engine's sources and the catalogues", () => {
  expect(sources).toContain("index.ts");
  expect(catalogues).toContain("languages.ts");
});

it.each(sources)("%s imports nothing outside src/engine but the catalogues", (file) => {
  const text = readFileSync(join(ENGINE_DIR, file), "utf8");
  for (const spec of importsOf(text)) {
    expect(spec.startsWith("./") || spec.startsWith("../")).toBe(true);
    const resolved = join(ENGINE_DIR, file, "..", spec);
    expect([spec, resolved.startsWith(ENGINE_DIR + "/") || resolved.startsWith(I18N_DIR + "/")]).toEqual([spec, true]);
  }
});

it.each(catalogues)("catalogue %s imports nothing but catalogues and the engine's types", (file) => {
  const text = readFileSync(join(I18N_DIR, file), "utf8");
  for (const spec of importsOf(text)) {
    expect(spec.startsWith("./") || spec.startsWith("../")).toBe(true);
    const resolved = join(I18N_DIR, file, "..", spec);
    expect([spec, resolved.startsWith(I18N_DIR + "/") || resolved === join(ENGINE_DIR, "types")]).toEqual([spec, true]);
  }
});
