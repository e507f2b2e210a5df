/**
 * The byte-level CSV reader: records and fields as RFC 4180 and Excel write them, and the promise that pre-reading
 * date and number cells for the engine changes nothing the engine computes or says.
 */

import fc from "fast-check";
import { builtinProfile, gradeCustomers, gradeSales, noteText, type RepeatedCells } from "../../../src/engine";
import { csvTable, isOwnNumberText, ownNumber } from "../../../src/cli/csv/csvTable";
import { scanCsv } from "../../../src/cli/csv/scanCsv";
import type { Table } from "../../../src/cli/table";
import { valuesOf } from "../../engine/helpers";

function table(text: string, delimiter = ","): Table {
  return csvTable(scanCsv(Buffer.from(text, "utf8"), delimiter), delimiter);
}

function rows(t: Table): unknown[][] {
  return Array.from({ length: t.rowCount }, (_, i) => t.row(i));
}

describe("records and fields", () => {
  test("quoted fields hold delimiters, doubled quotes and line breaks", () => {
    const t = table('id,name,n\nA,"Zhang, Li",1\nB,"He said ""hi""",2\nC,"two\nlines",3\n');
    expect(t.headers).toEqual(["id", "name", "n"]);
    expect(rows(t)).toEqual([
      ["A", "Zhang, Li", "1"],
      ["B", 'He said "hi"', "2"],
      ["C", "two\nlines", "3"],
    ]);
    expect(t.rawRows).toBeUndefined(); // quoted: rows are re-quoted on output, never copied
  });

  test("CRLF, LF and a lone CR each end a row, in any mix; inside quotes they are text (Alt+Enter)", () => {
    const t = table('id,note\r\nA,x\nB,"y\r\nz"\rC,w\r\nD,"v\nu"\n');
    expect(rows(t)).toEqual([
      ["A", "x"],
      ["B", "y\r\nz"],
      ["C", "w"],
      ["D", "v\nu"],
    ]);
    // A row's bytes never hold its line break, whichever it was: copied rows carry no carriage return.
    const plain = table("id,note\r\nA,x\nB,z\rC,y\r\nD,w");
    const raw = plain.rawRows!;
    expect([0, 1, 2, 3].map((i) => raw.bytes.subarray(raw.starts[i], raw.ends[i]).toString())).toEqual([
      "A,x",
      "B,z",
      "C,y",
      "D,w",
    ]);
  });

  test("a line break inside a quoted header is part of the header; the rows below it are split as usual", () => {
    const t = table('"Customer\nID",Total\r\nA,1\r\nB,2\r\n');
    expect(t.headers).toEqual(["Customer\nID", "Total"]);
    expect(rows(t)).toEqual([
      ["A", "1"],
      ["B", "2"],
    ]);
  });

  test("short rows are padded with empty cells; blank lines at the end are not rows, blank lines inside are", () => {
    const t = table("a;b;c\n1;2\n\n3;4;5\n\n\n", ";");
    expect(t.width).toBe(3);
    expect(rows(t)).toEqual([
      ["1", "2", ""],
      ["", "", ""],
      ["3", "4", "5"],
    ]);
  });

  test("tab-separated, Chinese text, a last line without a line break", () => {
    const t = table("客户\t金额\n张三\t5000", "\t");
    expect(t.headers).toEqual(["客户", "金额"]);
    expect(rows(t)).toEqual([["张三", "5000"]]);
  });

  test("text after a closing quote is kept without that quote, as Python's csv reads it, and reported", () => {
    const bad = scanCsv(Buffer.from('a,b\n"x"y,1\n"p""q"r"s,2\n'), ",");
    expect(bad.problems).toEqual([
      { record: 1, code: "TextAfterQuote" },
      { record: 2, code: "TextAfterQuote" },
    ]);
    expect(rows(csvTable(bad, ","))).toEqual([
      ["xy", "1"],
      ['p"qr"s', "2"],
    ]);
  });

  test("a quote that never closes runs to the end of the file; whether it swallowed later lines is noted", () => {
    const open = scanCsv(Buffer.from('a,b\n1,2\n"3,4\n5,6\n'), ",");
    expect(open.problems).toEqual([{ record: 2, code: "Unclosed", swallowsLines: true }]);
    expect(rows(csvTable(open, ","))).toEqual([
      ["1", "2"],
      ["3,4\n5,6\n", ""],
    ]);
    const last = scanCsv(Buffer.from('a,b\n1,"2\r\n'), ",");
    expect(last.problems).toEqual([{ record: 1, code: "Unclosed", swallowsLines: false }]);
    expect(rows(csvTable(last, ","))).toEqual([["1", "2\r\n"]]);
  });

  test("a quote inside an unquoted cell is text; spaces before a quote make the cell unquoted", () => {
    expect(rows(table('a,b\n5" screen,x\n "y",z\n'))).toEqual([
      ['5" screen', "x"],
      [' "y"', "z"],
    ]);
  });

  test("a file whose first kilobytes hold few long lines and the rest many short ones (the arrays grow)", () => {
    const short = Array.from({ length: 5000 }, (_, i) => `${i},a,b,c,d,e,f,g,h`);
    const t = table(["x,y", `${"z".repeat(5000)},1`, ...short].join("\n") + "\n");
    expect(t.rowCount).toBe(5001);
    expect(t.width).toBe(9);
    expect(t.row(0)).toEqual(["z".repeat(5000), "1", "", "", "", "", "", "", ""]);
    expect(t.row(5000)).toEqual(["4999", "a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(Array.from({ length: 5000 }, (_, i) => t.cell(i + 1, 0))).toEqual(short.map((_, i) => String(i)));
  });

  test("a title row above the header: the table below it starts at the right row number", () => {
    const t = table("Report 2025\nid,date\nA,2025-01-01\n").below(0);
    expect(t.headers).toEqual(["id", "date"]);
    expect(rows(t)).toEqual([["A", "2025-01-01"]]);
    expect(t.firstRowNumber).toBe(3);
  });
});

test("sales ids: one string per distinct id, each exactly the cell's text, with which one each sale has", () => {
  const t = table('id,amount\nW1,1\n"W1",2\nW2,3\n"W""3",4\nW1,5\n,6\nW""3\n w1,8\n');
  const ids = t.engineColumn(0, "id", true) as RepeatedCells;
  expect(Array.from(ids)).toEqual(["W1", "W1", "W2", 'W"3', "W1", "", 'W""3', " w1"]);
  expect(ids[4]).toBe(ids[0]);
  // A quoted doubled quote and the same bytes unquoted are different texts; case and spaces make different cells.
  expect(Array.from(ids.repeats.keys)).toEqual(["W1", "W2", 'W"3', "", 'W""3', " w1"]);
  expect(Array.from(ids.repeats.keyOf)).toEqual([0, 0, 1, 2, 0, 3, 4, 5]);
});

test("dates and numbers: a column the engine reads whole becomes a typed array; any other keeps its texts", () => {
  const t = table("d,n,m\n2025-01-02,1.5,7\n2025-01-02,-3,x\n2025-01-03,0.000001\n");
  expect(t.engineColumn(0, "date")).toEqual(Int32Array.of(45659, 45659, 45660));
  expect(t.engineColumn(1, "amount")).toEqual(Float64Array.of(1.5, -3, 0.000001));
  expect(t.engineColumn(2, "amount")).toEqual([7, "x", ""]); // the third row lacks the cell
  expect(table("d\n2025-01-02\nsoon\n2025-01-02\n").engineColumn(0, "date")).toEqual([45659, "soon", 45659]);
  // A day no serial number stands for (before 1900-01-01) stays text: the engine reads it as the day it is.
  expect(table("d\n2025-01-02\n1899-12-31\n").engineColumn(0, "date")).toEqual([45659, "1899-12-31"]);
});

describe("numbers handed to the engine as numbers", () => {
  test("only text that is exactly the number's own text", () => {
    for (const t of ["0", "16", "9.53", "-0.5", "0.000001", "123456789012345"]) expect(isOwnNumberText(t)).toBe(true);
    for (const t of ["-0", "007", "9.50", "1.", ".5", "+1", "1e5", " 1", "1,000", "0.0000001", "1234567890123456"]) {
      expect(isOwnNumberText(t)).toBe(false);
    }
  });

  test("agrees with JavaScript's own number text on random decimals", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }), (x, places) => {
        for (const t of [String(x), x.toFixed(places)]) {
          if (isOwnNumberText(t)) expect(String(Number(t))).toBe(t);
        }
      }),
    );
  });

  test("the number read from the bytes is the very number JavaScript reads from the text", () => {
    const digits = fc.stringMatching(/^-?(0|[1-9][0-9]{0,16})(\.[0-9]{1,22})?$/);
    fc.assert(
      fc.property(fc.oneof(digits, fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)), (t) => {
        const n = ownNumber(Buffer.from(t), 0, t.length);
        if (Number.isNaN(n)) expect(isOwnNumberText(t)).toBe(false);
        else {
          expect(Object.is(n, Number(t))).toBe(true);
          expect(String(n)).toBe(t);
        }
      }),
      { numRuns: 2000 },
    );
    // Most texts of a double with at most 15 digits are read from the bytes, not only a few.
    for (const t of ["0.1", "-7369.08", "123456789012345", "0.00000123", "9007199254.74099"])
      expect(ownNumber(Buffer.from(t), 0, t.length)).toBe(Number(t));
  });
});

// Cells as finance exports write them, good and bad: the engine must grade and explain them the same either way.
const dateCell = fc.oneof(
  fc.constantFrom(
    "2025-12-21",
    "2025/12/1",
    "2025年11月21日",
    "2025-02-30",
    "",
    " ",
    "#N/A",
    "45000",
    "soon",
    "2026-01-05",
  ),
  // Days before the serial numbers begin, and around the 1900 leap day the serials count but no calendar has.
  fc.constantFrom("1899-12-31", "0999-01-01", "1900-01-01", "1900-02-28", "1900-03-01"),
  fc.integer({ min: 20000, max: 20460 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
);
const numberCell = fc.oneof(
  fc.constantFrom("16", "3.50", "-0", "0", "1e309", " 12", "1,200", "¥5", "abc", "", "#VALUE!", "0.0000001", "2.5"),
  fc.integer({ min: -5, max: 40 }).map(String),
  fc.double({ min: -10, max: 20, noNaN: true }).map((x) => String(Math.round(x * 100) / 100)),
);

function csvOf(header: string[], body: string[][]): string {
  const field = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...body].map((r) => r.map(field).join(",")).join("\n") + "\n";
}

test("customers: grading the pre-read columns equals grading the texts, notes included", () => {
  const profile = builtinProfile("shaoxing")!;
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom("A", "B", "C", "#N/A", ""), dateCell, numberCell, numberCell), {
        maxLength: 30,
      }),
      (body) => {
        const t = table(csvOf(["id", "date", "count", "total"], body));
        const options = { asOf: "2025-12-31" };
        const pre = gradeCustomers(
          {
            ids: t.engineColumn(0, "id"),
            lastDates: t.engineColumn(1, "date"),
            counts: t.engineColumn(2, "count"),
            totals: t.engineColumn(3, "total"),
          },
          profile,
          options,
        );
        const texts = (c: number) => body.map((r) => r[c]);
        const plain = gradeCustomers(
          { ids: texts(0), lastDates: texts(1), counts: texts(2), totals: texts(3) },
          profile,
          options,
        );
        expect(Array.from(pre.gradeIndex)).toEqual(Array.from(plain.gradeIndex));
        expect(Array.from(pre.scoreUnits)).toEqual(Array.from(plain.scoreUnits));
        expect(body.map((_, i) => noteText(pre, i, "en"))).toEqual(body.map((_, i) => noteText(plain, i, "en")));
      },
    ),
  );
});

test("sales: the same customers, totals and skipped sales from the pre-read columns as from the texts", () => {
  const profile = builtinProfile("wuhan")!;
  // Ids differing only in case or by whitespace, empty ids, errors, quoted ids; dates with times; refunds.
  const idText = fc.constantFrom("W1", "w1", " W1", "W1 ", "W2", "W,3", 'W"4', "", " ", "#N/A", "7", "07", "王");
  const saleDate = fc.oneof(
    dateCell,
    fc.constantFrom("2025-06-30 10:22", "2025-06-30T08:00:00Z", "2024-12-31", "2025年6月30日 9:30"),
  );
  const amount = fc.oneof(numberCell, fc.constantFrom("-20.5", "-0.01", "1e308", "0.1", "0.2", "0.0000003"));
  // Some rows are cut short (the missing cells are empty), some are blank.
  const row = fc
    .tuple(idText, saleDate, amount, fc.integer({ min: 0, max: 12 }))
    .map(([i, d, a, cut]) => [i, d, a].slice(0, cut >= 3 ? 3 : cut));
  fc.assert(
    fc.property(fc.array(row, { maxLength: 40 }), (body) => {
      // A row of one empty field would be a blank line; it is written as "," so the row stays a row.
      const text = csvOf(
        ["id", "date", "amount"],
        body.map((r) => (r.length === 0 || (r.length === 1 && r[0] === "") ? ["", ""] : r)),
      );
      const t = table(text);
      expect(t.rowCount).toBe(body.length);
      const options = { asOf: "2025-12-31", windowStart: "2025-01-01" };
      const pre = gradeSales(
        { ids: t.engineColumn(0, "id", true), dates: t.engineColumn(1, "date"), amounts: t.engineColumn(2, "amount") },
        profile,
        options,
      );
      const texts = (c: number) => body.map((r) => r[c] ?? "");
      const plain = gradeSales({ ids: texts(0), dates: texts(1), amounts: texts(2) }, profile, options);
      expect(pre.customers).toEqual(plain.customers);
      expect(pre.saleIssues).toEqual(plain.saleIssues);
      expect(pre.summary).toEqual(plain.summary);
      expect(Array.from(pre.gradeIndex)).toEqual(Array.from(plain.gradeIndex));
      expect(valuesOf(pre.customers!.ids).map((_, i) => noteText(pre, i, "en"))).toEqual(
        valuesOf(plain.customers!.ids).map((_, i) => noteText(plain, i, "en")),
      );
    }),
    { numRuns: 300 },
  );
});
