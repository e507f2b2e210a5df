/**
 * Large inputs run in a child process started with glibc's mmap threshold fixed (mallocSetting.ts): the child has the
 * setting, and the command behaves exactly as when run in one process (output, summary, exit status, a reader that
 * stops early).
 */

import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { wantsMallocSetting } from "../../src/cli/mallocSetting";
import { buildCli, csvFile, RFM, tempDir, write } from "./helpers";

let dir: string;
let input: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
  const rows = Array.from(
    { length: 3000 },
    (_, i) => `C${i},2025-11-${String(1 + (i % 28)).padStart(2, "0")},${i % 7}`,
  );
  input = write(dir, "sales.csv", csvFile(["Customer,Order date,Amount", ...rows]));
}, 180_000);

/** Runs rfm with `args` in bash (so that a pipe can follow), with RFM_MALLOC_FROM_BYTES as given. */
function run(args: string, from: string | undefined, env: NodeJS.ProcessEnv = {}) {
  const script = `"${process.execPath}" "${RFM}" ${args}; echo "status=\${PIPESTATUS[0]}"`;
  const r = spawnSync("bash", ["-c", script], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", RFM_MALLOC_FROM_BYTES: from, ...env },
  });
  const status = Number(/status=(\d+)\s*$/.exec(r.stdout)?.[1]);
  return { status, stdout: r.stdout.replace(/status=\d+\s*$/, ""), stderr: r.stderr };
}

test("a file named from the size on starts the child, only on Linux with glibc and only once", () => {
  const linux = process.platform === "linux";
  expect(wantsMallocSetting(["grade", input], { RFM_MALLOC_FROM_BYTES: "1" })).toBe(linux);
  expect(wantsMallocSetting(["grade", input], { RFM_MALLOC_FROM_BYTES: String(10 ** 12) })).toBe(false);
  expect(wantsMallocSetting(["grade", "no-such-file.csv"], { RFM_MALLOC_FROM_BYTES: "1" })).toBe(false);
  // The child never starts another, whatever its environment holds; nor does a run given a setting of its own.
  expect(wantsMallocSetting(["grade", input], { RFM_MALLOC_FROM_BYTES: "1", RFM_MALLOC_CHILD: "1" })).toBe(false);
  expect(wantsMallocSetting(["grade", input], { RFM_MALLOC_FROM_BYTES: "1", MALLOC_MMAP_THRESHOLD_: "65536" })).toBe(
    false,
  );
});

test("the child runs with the setting and may collect garbage; the process that started it neither", () => {
  // A module loaded first by every node process started with these options notes the setting it runs with, and
  // whether it may collect garbage when told to (giveBackMemory).
  const seen = join(dir, "seen.txt");
  const note = write(
    dir,
    "note.js",
    `require("fs").appendFileSync(${JSON.stringify(seen)}, String(process.env.MALLOC_MMAP_THRESHOLD_) + " " + typeof gc + "\\n");`,
  );
  const r = run("grade sales.csv -p wuhan -o out-note.csv", "1", { NODE_OPTIONS: `--require ${note}` });
  expect(r.status).toBe(0);
  expect(readFileSync(seen, "utf8").trim().split("\n")).toEqual(["undefined undefined", "1048576 function"]);
});

test("output, summary and exit status are the same in the child as in one process", () => {
  const one = run("grade sales.csv -p wuhan -o one.csv", String(10 ** 12));
  const child = run("grade sales.csv -p wuhan -o child.csv", "1");
  expect(child.status).toBe(0);
  expect(child.stderr.replace(/child\.csv/g, "X")).toBe(one.stderr.replace(/one\.csv/g, "X"));
  expect(readFileSync(join(dir, "child.csv"))).toEqual(readFileSync(join(dir, "one.csv")));
  const usage = run("grade sales.csv -p no-such-profile", "1");
  expect(usage.status).toBe(2);
  expect(usage.stderr).toMatch(/^rfm: Unknown profile "no-such-profile"/);
  // A reader that stops early ends the child quietly, and so the command.
  const piped = run("grade sales.csv -p wuhan 2>&1 | head -2", "1");
  expect(piped.status).toBe(0);
  expect(piped.stdout.trimEnd().split("\n")).toHaveLength(2);
});
