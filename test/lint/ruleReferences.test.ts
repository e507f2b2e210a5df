/**
 * Comments and test names cite the rules the repository holds: every rule reference in src/ and test/ is written
 * `RULES.md §N` (lists and ranges: `RULES.md §7 and §8`, `RULES.md §2–§5`) and names a numbered section of
 * src/engine/RULES.md. Where a heading follows the number (`RULES.md §10 Recognising columns`) it must be that
 * section's heading or one of its bold lead-ins (`RULES.md §7 Columns carried with sales records`). A `§` with no
 * document before it, or one citing a document the repository does not hold, is reported with its file and line.
 * The only other documents cited by section are published standards named beside the number (ECMA-376).
 */

import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative, resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const RULES_PATH = join(ROOT, "src/engine/RULES.md");
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|py|sh|html)$/i;
const SELF = relative(ROOT, __filename);

interface RuleSection {
  title: string;
  /** The section's heading and the bold words that open its paragraphs and list items, without a closing period. */
  names: string[];
}

/** The numbered sections of RULES.md (`## N. Title`), with the names a reference may give them. */
export function ruleSections(markdown: string): Map<number, RuleSection> {
  const sections = new Map<number, RuleSection>();
  let current: RuleSection | undefined;
  for (const line of markdown.split("\n")) {
    const heading = /^## (\d+)\. (.+?)\s*$/.exec(line);
    if (heading) {
      current = { title: heading[2], names: [heading[2]] };
      sections.set(Number(heading[1]), current);
      continue;
    }
    if (/^#{1,2} /.test(line)) current = undefined;
    const leadIn = /^(?:- )?\*\*([^*]+?)\.?\*\*/.exec(line);
    if (current && leadIn) current.names.push(leadIn[1]);
  }
  return sections;
}

// Built from parts so that this file does not cite what it forbids.
const SECTION = "\u00a7";
const OTHER_DOCUMENT = new RegExp(
  `RFM-SPEC|\\b[Ss]pec(?:'s)?\\s*${SECTION}|\\b[Tt]he spec(?:'s)?\\b|\\bissue #?\\d+\\s*${SECTION}`,
  "g",
);
const CITATION = new RegExp(
  `RULES\\.md (${SECTION}\\d+(?:(?:, | and | or |–|-|/| through )${SECTION}\\d+)*)(?: ([A-Z][^.,;:)\\n]*))?`,
  "g",
);
const STANDARD = /ECMA-376[^\n]{0,40}$/;

/** The problems of one file's text: references to sections that do not exist or that name no document in the repository. */
export function referenceProblems(file: string, text: string, sections: Map<number, RuleSection>): string[] {
  const problems: string[] = [];
  const lineOf = (index: number) => text.slice(0, index).split("\n").length;
  const cited = new Set<number>();
  for (const m of text.matchAll(CITATION)) {
    for (let i = m.index!; i < m.index! + m[0].length; i++) cited.add(i);
    const numbers = [...m[1].matchAll(/\d+/g)].map((n) => Number(n[0]));
    for (const n of numbers) {
      if (!sections.has(n)) problems.push(`${file}:${lineOf(m.index!)}: RULES.md has no section ${SECTION}${n}`);
    }
    const named = m[2];
    const last = sections.get(numbers[numbers.length - 1]);
    if (named !== undefined && last && !last.names.some((name) => named.startsWith(name))) {
      problems.push(
        `${file}:${lineOf(m.index!)}: "${named}" is not a heading of RULES.md ${SECTION}${numbers[numbers.length - 1]} (${last.title})`,
      );
    }
  }
  for (const m of text.matchAll(OTHER_DOCUMENT)) {
    problems.push(
      `${file}:${lineOf(m.index!)}: "${m[0]}" cites a document the repository does not hold; cite RULES.md`,
    );
  }
  for (const m of text.matchAll(new RegExp(`${SECTION}\\s*\\d`, "g"))) {
    if (cited.has(m.index!)) continue;
    const lineStart = text.lastIndexOf("\n", m.index!) + 1;
    if (STANDARD.test(text.slice(lineStart, m.index!))) continue;
    problems.push(`${file}:${lineOf(m.index!)}: "${m[0]}" names no document; write RULES.md ${SECTION}N`);
  }
  return problems;
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : textFiles(path);
    return TEXT.test(name) ? [path] : [];
  });
}

const sections = ruleSections(readFileSync(RULES_PATH, "utf8"));

describe("rule references", () => {
  test("RULES.md has its numbered sections, with their headings and bold lead-ins", () => {
    expect(sections.size).toBeGreaterThanOrEqual(13);
    expect(sections.get(10)?.title).toBe("Recognising columns");
    expect(sections.get(7)?.names).toContain("Columns carried with sales records");
    expect(sections.get(9)?.names).toContain("A profile's fixed analysis date and newer data");
  });

  test("the check reports what it must and passes what it must", () => {
    const bad = [
      `// the score of ${SECTION}4 of the spec`,
      `/** rows (spec ${SECTION}5) */`,
      `/** from RFM-SPEC ${SECTION}3 */`,
      `// RULES.md ${SECTION}99: no such section`,
      `// RULES.md ${SECTION}7 and ${SECTION}42`,
      `// RULES.md ${SECTION}10 Profile documents`,
      `// worked out from the spec's bands`,
    ];
    for (const line of bad) expect([line, referenceProblems("x.ts", line, sections).length > 0]).toEqual([line, true]);
    const good = [
      `// RULES.md ${SECTION}4: score = k − floor(k(2q + 1) / (2N))`,
      `// (RULES.md ${SECTION}7 and ${SECTION}8) and RULES.md ${SECTION}2–${SECTION}5`,
      `// RULES.md ${SECTION}10 Recognising columns; RULES.md ${SECTION}7 Columns carried with sales records`,
      `// RULES.md ${SECTION}9 A profile's fixed analysis date and newer data`,
      ` * Built-in number formats (ECMA-376 ${SECTION}18.8.30)`,
      `// symbols: £ ${SECTION} ©`,
    ];
    for (const line of good) expect([line, referenceProblems("x.ts", line, sections)]).toEqual([line, []]);
  });

  test("every rule reference in src/ and test/ names a section of RULES.md that exists", () => {
    const files = [...textFiles(join(ROOT, "src")), ...textFiles(join(ROOT, "test"))]
      .map((path) => relative(ROOT, path))
      .filter((file) => file !== SELF && file !== "src/engine/RULES.md");
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((file) => referenceProblems(file, readFileSync(join(ROOT, file), "utf8"), sections));
    expect(problems).toEqual([]);
  });
});
