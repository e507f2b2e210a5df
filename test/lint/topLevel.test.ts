/**
 * The project's top level is fixed: code, scripts and tools live under src/ and test/, so a user who opens the
 * repository sees the same few entries in every version.
 */
import { execFileSync } from "child_process";
import { resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const ALLOWED = [
  ".ci",
  ".gitignore",
  ".npmrc",
  "README.md",
  "assets",
  "manifest.xml",
  "package-lock.json",
  "package.json",
  "src",
  "test",
  "tsconfig.json",
  "webpack.config.js",
];

test("every tracked file sits in one of the fixed top-level entries", () => {
  const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
  const topLevel = [...new Set(tracked.map((path) => path.split("/")[0]))].sort();
  expect(topLevel.filter((entry) => !ALLOWED.includes(entry))).toEqual([]);
});
