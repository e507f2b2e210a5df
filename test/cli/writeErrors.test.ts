/**
 * Every output the command writes, against a disk that cannot take it: a file size limit (`ulimit -f`: Node ignores
 * SIGXFSZ, so the write fails with EFBIG instead of killing the process), a full disk and a read-only disk (small
 * tmpfs mounts, when the tests run as root, as on CI), a folder without write permission (the command run as
 * nobody, as root only), /dev/full for standard output, and folders or files in the way. Each ends with exit status
 * 2 and one `rfm:` line in the language asked for, and leaves no file behind (no partial result, no temporary file).
 */

import { spawnSync } from "child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildCli, csvFile, RFM, tempDir, write } from "./helpers";

const SHAOXING = "--profile shaoxing --as-of 2025-12-31";
const ROOT = process.getuid?.() === 0;

let dir: string;
/** The small disks are mounted in a folder of their own, unmounted and removed after the tests. */
let disksDir: string | undefined;
const mounts: string[] = [];
beforeAll(() => {
  buildCli();
  dir = tempDir();
  chmodSync(dir, 0o755);
  // Large enough that every output kind passes the limits below (a few hundred KB of CSV, tens of KB of .xlsx).
  const rows = Array.from(
    { length: 20_000 },
    (_, i) => `C${i},2025-12-${String(1 + (i % 28)).padStart(2, "0")},${1 + (i % 20)},${1 + (i % 10)}`,
  );
  write(dir, "customers.csv", csvFile(["Customer,Date,Purchases,Total amount", ...rows]));
  // 2,000 customers: within what live formulas are offered for with a quantile profile.
  const sales = Array.from({ length: 20_000 }, (_, i) => `W${i % 2000},2025-0${1 + (i % 6)}-1${i % 10},${100 + i}`);
  write(dir, "sales.csv", csvFile(["客户,消费时间,消费金额", ...sales]));
  if (ROOT) {
    disksDir = mkdtempSync(join(tmpdir(), "rfm-disks-"));
    for (const [name, options] of [
      ["full", "size=64k"],
      ["readonly", "ro,size=64k"],
    ]) {
      const at = join(disksDir, name);
      mkdirSync(at);
      const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", at], { encoding: "utf8" });
      if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
      mounts.push(at);
    }
    // The full disk keeps 8 KB free: less than any result needs.
    writeFileSync(join(disksDir, "full", "filler"), Buffer.alloc(56 * 1024));
  }
}, 180_000);

afterAll(() => {
  for (const at of mounts) spawnSync("umount", [at]);
  if (disksDir) rmSync(disksDir, { recursive: true, force: true });
});

/** Runs rfm through bash (for ulimit and redirections), as `user` if given; returns its status and stderr. */
function run(
  args: string,
  options: { limitKb?: number; user?: string } = {},
): { status: number | null; stderr: string } {
  const node = `"${process.execPath}" "${RFM}"`;
  const command = options.user ? `runuser -u ${options.user} -- ${node}` : `exec ${node}`;
  const script = `${options.limitKb ? `ulimit -f ${options.limitKb}; ` : ""}${command} ${args}`;
  const r = spawnSync("bash", ["-c", script], { cwd: dir, encoding: "utf8" });
  return { status: r.status, stderr: r.stderr };
}

/** The output kinds, each as the arguments that write it into `folder` (a file name there, or a redirection). */
const KINDS: [string, (folder: string) => string][] = [
  ["--out X.csv", (f) => `grade customers.csv ${SHAOXING} -o ${f}/graded.csv`],
  ["--out X.xlsx", (f) => `grade customers.csv ${SHAOXING} -o ${f}/graded.xlsx`],
  ["--out X.xlsx --formulas", (f) => `grade customers.csv ${SHAOXING} --formulas -o ${f}/graded.xlsx`],
  ["sales records --out X.xlsx --formulas", (f) => `grade sales.csv --profile wuhan --formulas -o ${f}/graded.xlsx`],
  ["CSV on standard output", (f) => `grade customers.csv ${SHAOXING} > ${f}/graded.csv`],
  ["demo --out-dir", (f) => `demo --out-dir ${f}/demo`],
  ["sql on standard output", (f) => `sql --profile wuhan > ${f}/query.sql`],
];

interface Disk {
  label: string;
  /** The folder on it (a mount point is known only once mounted). */
  folder: () => string;
  limitKb?: number;
  reason: { en: string; zh: string };
  /** Kinds that do not apply: a read-only disk stops the shell's own redirection before rfm runs. */
  without?: RegExp;
}

/** The disks to write to: always a file size limit; as root also a full and a read-only disk. */
function disks(): Disk[] {
  const list: Disk[] = [
    // The SQL text is about 4 KB: a 2 KB limit stops it too.
    {
      label: "a file size limit (ulimit -f)",
      folder: () => join(dir, "limited"),
      limitKb: 2,
      reason: {
        en: "the file would be larger than this system allows (a file size limit)",
        zh: "文件超出系统允许的大小（文件大小限制）",
      },
    },
  ];
  if (ROOT) {
    list.push({
      label: "a full disk",
      folder: () => join(disksDir!, "full"),
      reason: { en: "the disk is full", zh: "磁盘已满" },
    });
    list.push({
      label: "a read-only disk",
      folder: () => join(disksDir!, "readonly"),
      reason: { en: "the disk is read-only", zh: "磁盘是只读的" },
      without: /standard output/,
    });
  }
  return list;
}

describe.each(disks())("on $label", ({ folder, limitKb, reason, without }) => {
  test.each(KINDS.filter(([kind]) => !without?.test(kind)))(
    "%s: exit 2, one rfm: line, nothing left behind",
    (kind, args) => {
      mkdirSync(folder(), { recursive: true });
      const before = readdirSync(folder()).sort();
      const zh = kind.includes("formulas") && !kind.includes("sales");
      const r = run(`${args(folder())}${zh ? " --lang zh" : ""}`, { limitKb });
      expect(r.status).toBe(2);
      const lines = r.stderr.trimEnd().split("\n");
      // demo prints its headings before it writes; the error is still a single last line.
      const last = lines[lines.length - 1];
      if (!kind.startsWith("demo")) expect(lines).toHaveLength(1);
      expect(last).toMatch(/^rfm: /);
      expect(last).toContain(zh ? reason.zh : reason.en);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
      const after = readdirSync(folder()).sort();
      if (kind.includes("standard output")) {
        // The shell made the file before rfm ran; rfm adds nothing else.
        expect(after.filter((f) => !before.includes(f)).every((f) => /^(graded\.csv|query\.sql)$/.test(f))).toBe(true);
      } else if (kind.startsWith("demo")) {
        expect(after.filter((f) => f !== "demo" && !before.includes(f))).toEqual([]);
        if (after.includes("demo")) expect(readdirSync(join(folder(), "demo"))).toEqual([]);
      } else {
        expect(after).toEqual(before);
      }
    },
  );
});

test("standard output to /dev/full: the CSV, the SQL, the profiles list and --help each end in one rfm: line", () => {
  for (const args of [
    `grade customers.csv ${SHAOXING}`,
    "sql --profile wuhan",
    "profiles",
    "--help",
    "grade --help --lang zh",
  ]) {
    const r = run(`${args} > /dev/full`);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      args.includes("zh")
        ? "rfm: 无法写入输出（标准输出）：磁盘已满\n"
        : "rfm: Cannot write the output (standard output): the disk is full\n",
    );
  }
});

test("a folder or a file in the way is said before the file is read, in one line", () => {
  mkdirSync(join(dir, "taken.csv"), { recursive: true });
  mkdirSync(join(dir, "taken.xlsx"), { recursive: true });
  write(dir, "plain-file", "x");
  const cases: [string, string][] = [
    [`grade customers.csv ${SHAOXING} -o taken.csv`, 'rfm: Cannot write "taken.csv": it is a folder, not a file'],
    [
      `grade customers.csv ${SHAOXING} --formulas -o taken.xlsx`,
      'rfm: Cannot write "taken.xlsx": it is a folder, not a file',
    ],
    [
      `grade customers.csv ${SHAOXING} -o plain-file/out.xlsx`,
      'rfm: Cannot write "plain-file/out.xlsx": part of the path is a file, not a folder',
    ],
    [
      `grade customers.csv ${SHAOXING} -o no-such-folder/out.csv --lang zh`,
      "rfm: 无法写入“no-such-folder/out.csv”：文件夹不存在",
    ],
    [
      "demo --out-dir plain-file",
      'rfm: --out-dir "plain-file" is a file, not a folder: name a folder (it is made if it does not exist)',
    ],
  ];
  for (const [args, line] of cases) {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(line + "\n");
  }
});

test("a folder the user may not write to: permission denied, nothing left", () => {
  // Root may write anywhere: as root the command runs as nobody, in a folder root owns; otherwise the folder is
  // made read-only for its owner.
  const locked = join(dir, "locked");
  mkdirSync(locked, { recursive: true });
  chmodSync(locked, ROOT ? 0o755 : 0o555);
  for (const out of ["locked/graded.csv", "locked/graded.xlsx"]) {
    const r = run(`grade customers.csv ${SHAOXING} -o ${out}`, ROOT ? { user: "nobody" } : {});
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`rfm: Cannot write "${out}": permission denied\n`);
  }
  expect(readdirSync(locked)).toEqual([]);
  chmodSync(locked, 0o755);
});
