/**
 * Nothing in the repository links outside it: a user who clones it has every page a link points to. Checks every
 * tracked text file for references to the workspace's shared folder, and every relative link in Markdown and HTML
 * for one that climbs above the repository root or points at a file that is not there.
 */

import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { dirname, join, relative, resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const TEXT = /\.(md|ts|tsx|js|mjs|cjs|json|html|xml|yml|yaml|sh|css|txt)$/i;
const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter((f) => f !== "" && TEXT.test(f) && existsSync(join(ROOT, f)));

// Markdown links and images `[text](target)` and HTML href/src attributes.
const LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\b(?:href|src)\s*=\s*["']([^"']+)["']/g;

function relativeLinks(file: string): string[] {
  if (!/\.(md|html)$/i.test(file)) return [];
  const text = readFileSync(join(ROOT, file), "utf8");
  const targets: string[] = [];
  for (const m of text.matchAll(LINK)) {
    const target = (m[1] ?? m[2]).split("#")[0];
    if (target === "" || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//") || target.includes("${"))
      continue;
    targets.push(target);
  }
  return targets;
}

test("the test sees the repository's files", () => {
  expect(files).toContain("README.md");
  expect(files).toContain("src/engine/RULES.md");
});

test("no tracked file refers to the workspace's shared folder (../shared)", () => {
  const found = files.filter((f) => /\.\.\/shared\b|\/work\/shared\b/.test(readFileSync(join(ROOT, f), "utf8")));
  expect(found.filter((f) => f !== "test/lint/links.test.ts")).toEqual([]);
});

test("no relative link in Markdown or HTML climbs out of the repository or points at a missing file", () => {
  const problems: string[] = [];
  for (const file of files) {
    for (const target of relativeLinks(file)) {
      const absolute = target.startsWith("/") ? join(ROOT, target) : resolve(ROOT, dirname(file), target);
      const inside = relative(ROOT, absolute);
      if (inside.startsWith("..")) problems.push(`${file}: ${target} leaves the repository`);
      else if (!existsSync(absolute) && !/\.html$/i.test(file)) problems.push(`${file}: ${target} does not exist`);
    }
  }
  expect(problems).toEqual([]);
});

test("the README links the rules page that lives in the repository", () => {
  expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain("](src/engine/RULES.md)");
});
