/**
 * Reading a workbook in another time zone: the built reader (dist/) in a process of its own whose TZ is set (a time
 * zone set inside a jest worker does not reach V8: the environment the test sees is a copy of the process's).
 */

import { spawnSync } from "child_process";
import { join } from "path";
import { ROOT } from "../helpers";

export const ZONES = ["UTC", "Asia/Shanghai", "America/Los_Angeles"] as const;
export const ZONE_OFFSETS: Record<(typeof ZONES)[number], number> = {
  UTC: 0,
  "Asia/Shanghai": -480,
  "America/Los_Angeles": 480,
};

/**
 * Every cell of the sheet (header row first) as the built reader returns it, dates as `{ date: ISO text }`, and the
 * offset the process ran at on 2025-12-21 (so a test knows the zone took effect). Needs buildCli() first.
 */
export function readInZone(path: string, zone: string, sheet?: string): { offsetMinutes: number; rows: unknown[][] } {
  const script = `
    const { readXlsx } = require(${JSON.stringify(join(ROOT, "dist/node/cli/readXlsx.js"))});
    const [path, sheet] = process.argv.slice(1);
    const plain = (v) => (v instanceof Date ? { date: v.toISOString() } : v);
    readXlsx(path, require("fs").readFileSync(path), sheet || undefined).then((t) => {
      const rows = [t.headers.map(plain), ...Array.from({ length: t.rowCount }, (_, i) => t.row(i).map(plain))];
      console.log(JSON.stringify({ offsetMinutes: new Date(2025, 11, 21).getTimezoneOffset(), rows }));
    });`;
  const run = spawnSync(process.execPath, ["-e", script, path, sheet ?? ""], {
    env: { ...process.env, TZ: zone },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}
