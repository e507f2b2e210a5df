/**
 * The compiled SQL, run by a real PostgreSQL 15 server, grades exactly as the engine does, row by row. The test starts
 * a throwaway cluster (initdb + pg_ctl, as the postgres user when run as root: the server refuses to run as root) in
 * a temporary folder, listening on a unix socket only, and stops and removes it afterwards.
 */

import { execFileSync } from "child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Client, types } from "pg";
import { sqlCases, type SqlRunner } from "./sqlHarness";

const BIN = "/usr/lib/postgresql/15/bin";
const PORT = 15432 + Math.floor(Math.random() * 1000);
const asRoot = process.getuid?.() === 0;

let dir: string;
let client: Client;
let db: SqlRunner;

/** Runs a server program as the postgres user (when we are root) or as ourselves. */
function server(program: string, args: string[]): void {
  const command = join(BIN, program);
  if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
  else execFileSync(command, args, { stdio: "pipe" });
}

beforeAll(async () => {
  expect(existsSync(join(BIN, "initdb"))).toBe(true); // installed by test/setup/ensure-postgresql.sh
  dir = mkdtempSync(join(tmpdir(), "rfm-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  server("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  server("pg_ctl", [
    "-D",
    data,
    "-l",
    join(dir, "server.log"),
    "-w",
    "-t",
    "60",
    "-o",
    `-k ${dir} -p ${PORT} -c listen_addresses='' -c fsync=off`,
    "start",
  ]);
  // Dates as the text the server prints (no time zone shift), NUMERIC and BIGINT as text: exact.
  types.setTypeParser(1082, (v) => v);
  client = new Client({ host: dir, port: PORT, user: "postgres", database: "postgres" });
  await client.connect();
  db = {
    dialect: "postgres",
    exec: async (sql) => {
      await client.query(sql);
    },
    rows: async (sql) => {
      const result = await client.query(sql);
      return result.rows.map((row: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)])),
      );
    },
  };
}, 120_000);

afterAll(async () => {
  await client?.end().catch(() => undefined);
  if (dir) {
    try {
      server("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}, 60_000);

describe("compiled SQL on PostgreSQL 15", () => {
  for (const c of sqlCases()) {
    test(c.name, async () => {
      const { actual, expected } = await c.run(db);
      expect(actual.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }
});
