/**
 * `--out` never replaces the input, however the path reaches it (a symbolic link to the file or to a folder on its
 * path, a hard link), and replaces any other existing file, as -o does elsewhere.
 */

import { linkSync, mkdirSync, readFileSync, symlinkSync } from "fs";
import { join } from "path";
import { buildCli, csvFile, filesIn, records, rfm, tempDir, write } from "./helpers";

const CUSTOMERS = csvFile(["Customer,Date,Purchases,Total amount", "C1,2025-12-31,16,9"]);
const SHAOXING = ["--profile", "shaoxing", "--as-of", "2025-12-31"];
const REFUSAL = "rfm: --out must not be the input file (nor a link to it): the input is never overwritten\n";

beforeAll(() => buildCli(), 180_000);

/** A folder holding data/customers.csv; returns the folder. */
function setUp(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "data"));
  write(join(dir, "data"), "customers.csv", CUSTOMERS);
  return dir;
}

function expectRefusedAndUntouched(dir: string, out: string): void {
  const before = filesIn(join(dir, "data"));
  const run = rfm(["grade", "data/customers.csv", ...SHAOXING, "--out", out], dir);
  expect(run.stderr).toBe(REFUSAL);
  expect(run.status).toBe(2);
  expect(readFileSync(join(dir, "data/customers.csv"), "utf8")).toBe(CUSTOMERS);
  expect(filesIn(join(dir, "data"))).toEqual(before); // no temporary file left either
}

test("--out through a symbolic link to the input file is refused", () => {
  const dir = setUp();
  symlinkSync(join(dir, "data/customers.csv"), join(dir, "link.csv"));
  expectRefusedAndUntouched(dir, "link.csv");
});

test("--out through a symbolic link to the input's folder is refused", () => {
  const dir = setUp();
  symlinkSync(join(dir, "data"), join(dir, "alias"));
  expectRefusedAndUntouched(dir, "alias/customers.csv");
  expectRefusedAndUntouched(dir, "alias/../data/customers.csv");
});

test("--out naming a hard link of the input is refused", () => {
  const dir = setUp();
  linkSync(join(dir, "data/customers.csv"), join(dir, "data/same.csv"));
  expectRefusedAndUntouched(dir, "data/same.csv");
});

test("the input given through a link and --out by its real name is refused too", () => {
  const dir = setUp();
  symlinkSync(join(dir, "data"), join(dir, "alias"));
  const run = rfm(["grade", "alias/customers.csv", ...SHAOXING, "--out", "data/customers.csv"], dir);
  expect(run.stderr).toBe(REFUSAL);
  expect(readFileSync(join(dir, "data/customers.csv"), "utf8")).toBe(CUSTOMERS);
});

test("an existing --out file that is not the input is replaced with the results", () => {
  const dir = setUp();
  write(dir, "graded.csv", "an older result\n");
  const run = rfm(["grade", "data/customers.csv", ...SHAOXING, "--out", "graded.csv"], dir);
  expect(run.status).toBe(0);
  expect(records(readFileSync(join(dir, "graded.csv"), "utf8"))[0].Grade).toBe("A");
  expect(readFileSync(join(dir, "data/customers.csv"), "utf8")).toBe(CUSTOMERS);
});

test("--help says an existing --out file is replaced, and never the input", () => {
  const help = rfm(["grade", "--help"], setUp()).stdout.replace(/\s+/g, " ");
  expect(help).toMatch(/an existing FILE is replaced; never the input/);
});
