/**
 * The engine is shared by the add-in, the custom functions and the command line, so it must stay pure TypeScript:
 * it may import only its own modules. (The engine's own tsconfig, run by `npm run typecheck`, catches DOM, Node
 * and Office globals; this catches imports that would drag another layer or a package into every bundle.)
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";

const ENGINE_DIR = join(__dirname, "..", "..", "src", "engine");
const sources = readdirSync(ENGINE_DIR, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".ts"));

function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)) found.push(m[1]);
  return found;
}

it("finds the engine's sources", () => {
  expect(sources).toContain("index.ts");
});

it.each(sources)("%s imports nothing outside src/engine", (file) => {
  const text = readFileSync(join(ENGINE_DIR, file), "utf8");
  for (const spec of importsOf(text)) {
    expect(spec.startsWith("./") || spec.startsWith("../")).toBe(true);
    const resolved = join(ENGINE_DIR, file, "..", spec);
    expect(resolved.startsWith(ENGINE_DIR)).toBe(true);
  }
});
