/**
 * The Excel adapter on a full-height sheet (1,048,575 customer rows under a header) against the Excel test double:
 * locate the source, read 4 columns, grade with the engine, plan and write the 7 output columns, then a second run
 * that updates its own output in place (which first snapshots it for rollback). Prints syncs, the largest request
 * and response payload, the largest read, and the time of each phase.
 * Run with `npm run bench`, or alone: `npx ts-node --transpile-only test/bench/excel.bench.ts`.
 */
import { performance } from "perf_hooks";
import {
  builtinProfile,
  cadenceText,
  detectColumns,
  gradeCustomers,
  gradeLetter,
  noteText,
  outputHeaders,
  scoreNumber,
  type GradeResult,
} from "../../src/engine";
import {
  locateSource,
  planCustomerOutput,
  readColumns,
  writeCustomerOutput,
  type OutputCell,
  type SourceTable,
} from "../../src/excel";
import { FakeExcel, FIVE_MB, MAX_ROWS, type SyncStats } from "../excel/fake";

const ROWS = MAX_ROWS - 1;
const AS_OF = 45839; // 2025-07-01

function fullHeightSheet(): FakeExcel {
  const excel = new FakeExcel({
    sheets: { Sales: [["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额（万元）"]] },
    selection: "Sales!B2",
  });
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const ids = new Array<string>(ROWS);
  const dates = new Array<number>(ROWS);
  const counts = new Array<number>(ROWS);
  const totals = new Array<number>(ROWS);
  for (let i = 0; i < ROWS; i++) {
    ids[i] = `KH${String(i).padStart(7, "0")}`;
    dates[i] = AS_OF - Math.floor(next() * 200);
    counts[i] = 1 + Math.floor(next() * 25);
    totals[i] = Math.round(next() * 1200) / 100;
  }
  excel.setColumn("Sales", 0, 1, ids);
  excel.setColumn("Sales", 1, 1, dates);
  excel.setColumn("Sales", 2, 1, counts);
  excel.setColumn("Sales", 3, 1, totals);
  return excel;
}

function outputValues(res: GradeResult, source: SourceTable): OutputCell[][] {
  const rows: OutputCell[][] = [outputHeaders("zh")];
  const ctx = { rowLabel: (i: number) => source.headerRow + 2 + i };
  for (let i = 0; i < res.n; i++) {
    rows.push([
      res.r[i] || null,
      res.f[i] || null,
      res.m[i] || null,
      scoreNumber(res, i),
      gradeLetter(res, i),
      cadenceText(res, i, "zh"),
      noteText(res, i, "zh", ctx) || null,
    ]);
  }
  return rows;
}

function describe(label: string, stats: SyncStats[], ms: number): string {
  const maxReq = Math.max(...stats.map((s) => s.requestBytes));
  const maxResp = Math.max(...stats.map((s) => s.responseBytes));
  const maxRead = Math.max(...stats.map((s) => s.cellsRead));
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  return (
    `${label}: ${stats.length} syncs, largest request ${mb(maxReq)}, largest response ${mb(maxResp)} ` +
    `(limit ${mb(FIVE_MB)}), largest read ${maxRead.toLocaleString("en")} cells, ${(ms / 1000).toFixed(1)} s`
  );
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const say = (line: string) => (console.log(line), lines.push(line));
  const excel = fullHeightSheet();
  const profile = builtinProfile("shaoxing")!;
  const phase = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
    excel.resetStats();
    const t0 = performance.now();
    const out = await f();
    say(describe(label, [...excel.stats], performance.now() - t0));
    return out;
  };
  const t0 = performance.now();
  say(`Excel adapter on a full-height sheet: ${ROWS.toLocaleString("en")} customer rows x 4 columns (fake Excel)`);
  const source = await phase("locate", () => excel.run((ctx) => locateSource(ctx)));
  const detection = detectColumns(source.headers);
  const m = detection.mapping;
  const columns = [m.id!, m.date!, m.count!, m.total!];
  const [ids, lastDates, counts, totals] = await phase("read 4 columns", () =>
    excel.run((ctx) => readColumns(ctx, source, columns)),
  );
  const tg = performance.now();
  const res = gradeCustomers({ ids, lastDates, counts, totals }, profile, { asOf: "2025-07-01" });
  const values = outputValues(res, source);
  say(
    `grade + build output (engine, not Excel): ${((performance.now() - tg) / 1000).toFixed(1)} s, ${res.summary.graded.toLocaleString("en")} graded`,
  );
  const write = { mode: "inPlace" as const, lang: "zh" as const, grades: profile.grades.map((g) => g.grade) };
  const plan = await phase("plan output", () => excel.run((ctx) => planCustomerOutput(ctx, source)));
  await phase(`write 7 columns (${plan.status})`, () =>
    excel.run((ctx) => writeCustomerOutput(ctx, source, values, 4, write)),
  );
  await phase("write again in place (snapshot for rollback + write)", () =>
    excel.run((ctx) => writeCustomerOutput(ctx, source, values, 4, write)),
  );
  say(`total: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return lines;
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
