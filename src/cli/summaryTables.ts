/**
 * The tables of the stderr summary: grades with shares of customers and amount, the R × F map, and the grade changes
 * when --previous is given. Words and figures come from the engine (the summary sheet's labels, its exact shares), so
 * the terminal says what the summary sheet says.
 */
import {
  punctuation,
  shareText,
  summaryLabels,
  type GradeMigration,
  type GradeShares,
  type Lang,
  type RfMap,
} from "../engine";
import { displayWidth } from "./textWidth";

/** Rows of cells as aligned text: the first column left-aligned, the others right-aligned. */
function aligned(rows: string[][], indent = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, displayWidth(cell))));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, c) => {
          const pad = " ".repeat(widths[c] - displayWidth(cell));
          return c === 0 ? cell + pad : pad + cell;
        })
        .join("  ")
        .trimEnd(),
  );
}

/** An exact decimal text with thousands separators: "1234567.5" → "1,234,567.5". */
function groupedAmount(text: string): string {
  if (text === "") return "–";
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const [whole, fraction] = body.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (negative ? "-" : "") + grouped + (fraction ? `.${fraction}` : "");
}

export function gradeTableLines(shares: GradeShares, lang: Lang): string[] {
  const t = summaryLabels(lang);
  const rows = [[t.grade, t.customers, t.customerShare, t.amount, t.amountShare]];
  for (const r of shares.rows)
    rows.push([
      r.grade,
      String(r.customers),
      shareText(r.customerShare),
      groupedAmount(r.amount),
      shareText(r.amountShare),
    ]);
  const any = shares.rows.some((r) => r.amountShare);
  rows.push([
    t.total,
    String(shares.customers),
    shares.customers > 0 ? "100.0%" : "–",
    groupedAmount(shares.amount),
    any ? "100.0%" : "–",
  ]);
  return aligned(rows);
}

export function rfMapLines(map: RfMap, lang: Lang): string[] {
  const t = summaryLabels(lang);
  const rows = [[t.rfCorner, ...map.f.map((f) => `F${f}`)]];
  map.r.forEach((r, k) => rows.push([`R${r}`, ...map.counts[k].map(String)]));
  return [t.rfTitle + punctuation(lang).colon.trimEnd(), ...aligned(rows)];
}

/** `nameOf` names the customer of a result row (or sales customer) in the moved-down list, when the data has names. */
export function migrationLines(m: GradeMigration, lang: Lang, nameOf?: (index: number) => string): string[] {
  const t = summaryLabels(lang);
  const lead = punctuation(lang).colon;
  const colon = lead.trimEnd();
  const rows = [[t.migrationCorner, ...m.grades, t.gone]];
  [...m.previousGrades, t.new].forEach((name, p) => rows.push([name, ...m.counts[p].map(String)]));
  const order = ["up", "down", "same", "new", "gone", "other"] as const;
  const totals = order
    .filter((c) => c !== "other" || m.totals.other > 0)
    .map((c) => `${t.changeNames[c]} ${m.totals[c]}`)
    .join(punctuation(lang).comma);
  const lines = [t.changes + lead + totals, t.migrationCustomers + colon, ...aligned(rows)];
  if (m.movedDown.length > 0) {
    const who = (d: GradeMigration["movedDown"][number]) => {
      const name = nameOf?.(d.index) ?? "";
      return name === "" ? d.id : `${d.id} ${name}`;
    };
    const shown = m.movedDown
      .slice(0, 5)
      .map((d) => `${who(d)} ${d.previous}→${d.current} (${groupedAmount(d.amount)})`);
    lines.push(t.movedDownList + lead + shown.join(", ") + (m.movedDown.length > 5 ? ", …" : ""));
  }
  return lines;
}
