/** Deterministic large inputs for the benchmarks: engine columns in memory, and CSV files for the command line. */

import { closeSync, openSync, readFileSync, writeSync } from "fs";
import type { CustomerColumnsInput, SalesColumnsInput } from "../../src/engine";

/** Excel serial of 1970-01-01 (1900 date system). */
const EPOCH_SERIAL = 25569;
/** 2025-12-31 as days since 1970-01-01. */
const AS_OF_DAY = 20453;
/** 2021-06-01 and 2025-08-31 as days since 1970-01-01: the span of the sales records. */
const SALES_FIRST_DAY = 18779;
const SALES_LAST_DAY = 20331;

export type Form = "numbers" | "text";

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

interface CustomerRow {
  id: string;
  day: number;
  lastAmount: number;
  count: number;
  total: number;
}

function* customers(n: number): Generator<CustomerRow> {
  const rnd = random(1);
  for (let i = 0; i < n; i++) {
    const total = round2(0.01 + rnd() * 15);
    yield {
      id: `C${String(i).padStart(7, "0")}`,
      day: AS_OF_DAY - Math.floor(rnd() * 120),
      lastAmount: round2(Math.min(total, rnd() * 2)),
      count: 1 + Math.floor(rnd() * 30),
      total,
    };
  }
}

interface Sale {
  id: string;
  day: number;
  amount: number;
}

function* sales(n: number, customerCount: number): Generator<Sale> {
  const rnd = random(2);
  for (let i = 0; i < n; i++) {
    const amount = round2(100 + rnd() * 9900);
    yield {
      id: `W${String(Math.floor(rnd() * customerCount)).padStart(6, "0")}`,
      day: SALES_FIRST_DAY + Math.floor(rnd() * (SALES_LAST_DAY - SALES_FIRST_DAY + 1)),
      amount: rnd() < 0.02 ? -amount : amount, // a few refunds
    };
  }
}

/** Customer-level columns as Excel gives them (numbers, date serials) or as a CSV gives them (text). */
export function customerRows(n: number, form: Form): Required<CustomerColumnsInput> {
  const ids: string[] = [],
    lastDates: unknown[] = [],
    counts: unknown[] = [],
    totals: unknown[] = [];
  for (const c of customers(n)) {
    ids.push(c.id);
    lastDates.push(form === "numbers" ? c.day + EPOCH_SERIAL : isoDate(c.day));
    counts.push(form === "numbers" ? c.count : String(c.count));
    totals.push(form === "numbers" ? c.total : String(c.total));
  }
  return { ids, lastDates, counts, totals };
}

export function salesRows(n: number, customerCount: number, form: Form): SalesColumnsInput {
  const ids: string[] = [],
    dates: unknown[] = [],
    amounts: unknown[] = [];
  for (const s of sales(n, customerCount)) {
    ids.push(s.id);
    dates.push(form === "numbers" ? s.day + EPOCH_SERIAL : isoDate(s.day));
    amounts.push(form === "numbers" ? s.amount : String(s.amount));
  }
  return { ids, dates, amounts };
}

function writeLines(path: string, header: string, lines: Iterable<string>): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, "\uFEFF" + header + "\r\n");
    let chunk: string[] = [];
    for (const line of lines) {
      chunk.push(line);
      if (chunk.length === 50_000) {
        writeSync(fd, chunk.join("\r\n") + "\r\n");
        chunk = [];
      }
    }
    if (chunk.length) writeSync(fd, chunk.join("\r\n") + "\r\n");
  } finally {
    closeSync(fd);
  }
}

/** A Shaoxing-style customer table as Excel's "CSV UTF-8" saves it: BOM, CRLF, Chinese headers. */
export function writeCustomerCsv(path: string, n: number): void {
  writeLines(
    path,
    "客户编号,下单时间,订单金额（万元）,历史购买总次数,历史购买总金额（万元）",
    (function* () {
      for (const c of customers(n)) yield `${c.id},${isoDate(c.day)},${c.lastAmount},${c.count},${c.total}`;
    })(),
  );
}

/** Wuhan-style sales records: 客户, 消费时间, 消费金额. */
export function writeSalesCsv(path: string, n: number, customerCount: number): void {
  writeLines(
    path,
    "客户,消费时间,消费金额",
    (function* () {
      for (const s of sales(n, customerCount)) yield `${s.id},${isoDate(s.day)},${s.amount}`;
    })(),
  );
}

/** Copies of the customer file's data lines, each copy's ids starting with its own letter, up to `rows` rows. */
export function replicateCustomers(source: string, target: string, rows: number): void {
  const bytes = readFileSync(source);
  const headerEnd = bytes.indexOf(10) + 1;
  const data = bytes.subarray(headerEnd);
  const lineStarts: number[] = [0];
  for (let i = data.indexOf(10); i >= 0 && i + 1 < data.length; i = data.indexOf(10, i + 1)) lineStarts.push(i + 1);
  const fd = openSync(target, "w");
  try {
    writeSync(fd, bytes.subarray(0, headerEnd));
    let written = 0;
    for (let copy = 0; written < rows; copy++) {
      const take = Math.min(lineStarts.length, rows - written);
      const end = take < lineStarts.length ? lineStarts[take] : data.length;
      const part = Buffer.from(data.subarray(0, end));
      // Ids are "C0000123": each copy gets its own first letter (C, D, E, ...), so ids stay unique.
      for (let k = 0; k < take; k++) part[lineStarts[k]] = 67 + (copy % 20) + (copy >= 20 ? 32 : 0);
      writeSync(fd, part);
      written += take;
    }
  } finally {
    closeSync(fd);
  }
}
