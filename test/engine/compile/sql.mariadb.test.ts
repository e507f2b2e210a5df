/**
 * The compiled SQL (`--dialect mysql`), run by a real MariaDB server, grades exactly as the engine does, row by row.
 * The test starts a throwaway server (mariadb-install-db + mariadbd, as the mysql user when run as root) in a temporary
 * folder, on a unix socket only, with MySQL 8's default sql_mode (ONLY_FULL_GROUP_BY among others) and the usual
 * utf8mb4_general_ci collation, which ignores case and accents; it stops the server and removes the folder afterwards.
 * The server is also told to shut down if this process dies first (setpriv --pdeathsig), so a crashed or killed
 * test run leaves no server behind.
 */

import { execFileSync, spawn, type ChildProcess } from "child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as mariadb from "mariadb";
import { builtinProfile, parseProfile } from "../../../src/engine";
import { compileSql } from "../../../src/engine/compile/sql";
import { AS_OF, compareSales, sqlCases, type SaleRow, type SqlRunner } from "./sqlHarness";

const SERVER = "/usr/sbin/mariadbd";
const INSTALL = "/usr/bin/mariadb-install-db";
const MYSQL8_SQL_MODE =
  "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";
const asRoot = process.getuid?.() === 0;

let dir: string;
let server: ChildProcess | undefined;
let exited: Promise<void>;
let conn: mariadb.Connection;
let db: SqlRunner;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts mariadbd on `socket`; as root it drops to the mysql user before it starts (the server refuses root). */
function startServer(data: string, socket: string): ChildProcess {
  const serverArgs = [
    SERVER,
    "--no-defaults",
    `--datadir=${data}`,
    "--skip-networking",
    `--socket=${socket}`,
    `--pid-file=${join(dir, "server.pid")}`,
    `--log-error=${join(dir, "server.log")}`,
    "--skip-log-bin",
    // Its own folder for temporary tables: /tmp is shared with whatever else runs, which may clean it up.
    `--tmpdir=${dir}`,
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_general_ci",
    `--sql-mode=${MYSQL8_SQL_MODE}`,
    "--innodb-buffer-pool-size=32M",
    "--innodb-flush-log-at-trx-commit=0",
    "--skip-name-resolve",
  ];
  const user = asRoot ? ["--reuid=mysql", "--regid=mysql", "--init-groups"] : [];
  return spawn("setpriv", [...user, "--pdeathsig=TERM", "--", ...serverArgs], { stdio: "ignore" });
}

async function connect(socket: string): Promise<mariadb.Connection> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server?.exitCode !== null) {
      throw new Error(`mariadbd stopped at once:\n${readFileSync(join(dir, "server.log"), "utf8").slice(-2000)}`);
    }
    try {
      // Dates as the text the server prints, DECIMAL and BIGINT as text: exact.
      return await mariadb.createConnection({
        socketPath: socket,
        user: "root",
        multipleStatements: true,
        dateStrings: true,
        decimalAsNumber: false,
        bigIntAsNumber: false,
        connectTimeout: 2000,
      });
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(200);
    }
  }
}

beforeAll(async () => {
  expect(existsSync(SERVER) && existsSync(INSTALL)).toBe(true); // installed by test/setup/ensure-mariadb.sh
  dir = mkdtempSync(join(tmpdir(), "rfm-mariadb-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "mysql"]).toString());
    const gid = Number(execFileSync("id", ["-g", "mysql"]).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const socket = join(dir, "server.sock");
  execFileSync(
    INSTALL,
    [
      "--no-defaults",
      `--datadir=${data}`,
      "--auth-root-authentication-method=normal",
      "--skip-test-db",
      ...(asRoot ? ["--user=mysql"] : []),
    ],
    { stdio: "pipe" },
  );
  server = startServer(data, socket);
  exited = new Promise((resolve) => server!.once("exit", () => resolve()));
  conn = await connect(socket);
  await conn.query("CREATE DATABASE rfm_test; USE rfm_test");
  db = {
    dialect: "mysql",
    exec: async (sql) => {
      await conn.query(sql);
    },
    rows: async (sql) => {
      const rows = (await conn.query(sql)) as Record<string, unknown>[];
      return rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)])),
      );
    },
    // The client's own escaping (backslashes too), so test data reaches the table as written.
    quoteText: (v) => conn.escape(v),
    quoteIdent: (name) => conn.escapeId(name),
  };
}, 120_000);

afterAll(async () => {
  await conn?.end().catch(() => undefined);
  try {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM"); // a clean shutdown
      let timer: NodeJS.Timeout | undefined;
      const stopped = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 60_000))),
      ]);
      clearTimeout(timer);
      if (!stopped) {
        server.kill("SIGKILL");
        await exited;
      }
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);

test("the server runs with MySQL 8's sql_mode and a collation that ignores case and accents", async () => {
  const [row] = await db.rows("SELECT @@sql_mode AS mode, @@collation_server AS coll, 'a' = 'Á ' AS same");
  expect(row.mode).toContain("ONLY_FULL_GROUP_BY");
  expect(row.coll).toBe("utf8mb4_general_ci");
  expect(row.same).toBe("1"); // what the query must not rely on
});

describe("compiled SQL on MariaDB", () => {
  for (const c of sqlCases()) {
    test(c.name, async () => {
      const { actual, expected } = await c.run(db);
      expect(actual.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }
});

describe("MySQL's own pitfalls", () => {
  test("ids differing in case, accents or a backslash stay apart; spaces around an id are trimmed", async () => {
    const ids = ["a", "A", " A ", "á", "ß", "ss", "s", "a\\b", "a\\\\b", "a'b", "a"];
    const rows: SaleRow[] = ids.map((id, i) => ({
      id,
      date: `2025-06-${String(10 + i).padStart(2, "0")}`,
      amount: String(100 + i),
    }));
    const { actual, expected } = await compareSales(db, builtinProfile("wuhan")!, rows, { asOf: AS_OF });
    // "a" twice, "A" and " A " are one customer each: 11 sales, 9 customers.
    expect(actual.map((r) => r.id).sort()).toEqual(["A", "a", "a'b", "a\\\\b", "a\\b", "s", "ss", "á", "ß"].sort());
    expect(actual).toEqual(expected);
    expect(actual.find((r) => r.id === "a")?.purchases).toBe(2);
    expect(actual.find((r) => r.id === "A")?.purchases).toBe(2);
  });

  test("grade and cadence texts with quotes and backslashes come back exactly", async () => {
    const profile = parseProfile({
      id: "texts",
      name: { en: "Texts", zh: "文字" },
      method: "quantiles",
      monetaryUnit: "yuan",
      ties: "average",
      weights: { recency: 1, frequency: 1, monetary: 1 },
      grades: [
        { grade: "A\\1", atLeast: 9, cadence: { en: "C:\\new 'weekly'\\", zh: "每周\\n" } },
        { grade: "B'", cadence: { en: "\\\\ monthly %_", zh: "每月" } },
      ],
    });
    await db.exec(
      "DROP TABLE IF EXISTS texts; CREATE TABLE texts (id VARCHAR(10), `date` DATE, amount DECIMAL(10, 2))",
    );
    await db.exec("INSERT INTO texts VALUES ('x', DATE '2025-06-30', 900), ('y', DATE '2025-01-01', 5)");
    const sql = compileSql(profile, { dialect: "mysql", table: "texts", asOf: AS_OF });
    expect(sql).toContain("NO_BACKSLASH_ESCAPES"); // the header says how the texts are written
    const rows = await db.rows(sql);
    expect(rows.map((r) => [r.customer_id, r.grade, r.cadence])).toEqual([
      ["x", "A\\1", "C:\\new 'weekly'\\"],
      ["y", "B'", "\\\\ monthly %_"],
    ]);
    const zh = await db.rows(compileSql(profile, { dialect: "mysql", table: "texts", asOf: AS_OF, lang: "zh" }));
    expect(zh.map((r) => r.cadence)).toEqual(["每周\\n", "每月"]);
  });

  test("0.3·2 + 0.4·3 + 0.6·2 is 3, grade C: the score is a DECIMAL, not a double", async () => {
    await db.exec(
      "DROP TABLE IF EXISTS c1; CREATE TABLE c1 (id VARCHAR(10), `date` DATE, `count` INTEGER, total DECIMAL(10,2))",
    );
    await db.exec("INSERT INTO c1 VALUES ('x', DATE '2025-11-21', 6, 1.5)");
    const sql = compileSql(builtinProfile("shaoxing")!, {
      dialect: "mysql",
      input: "customers",
      table: "c1",
      asOf: "2025-12-31",
    });
    const [row] = await db.rows(sql);
    // r = 2 (30 < D = 40 ≤ 50), f = 3 (5 < S ≤ 10), m = 2 (1 < Z ≤ 3): X = 0.6 + 1.2 + 1.2 = 3, not above 3 → C
    expect([row.r_score, row.f_score, row.m_score, row.rfm_score, row.grade]).toEqual(["2", "3", "2", "3.0", "C"]);
    await db.exec(`DROP TABLE IF EXISTS graded; CREATE TABLE graded AS SELECT * FROM (${sql}) AS q`);
    const [type] = await db.rows(
      "SELECT DATA_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'rfm_test' AND TABLE_NAME = 'graded' AND COLUMN_NAME = 'rfm_score'",
    );
    expect(type.t).toBe("decimal");
  });
});
