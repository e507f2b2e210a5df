/**
 * What changed since the previous grading: per customer, the previous grade and the change (↑ / ↓ / = / new / gone),
 * the matrix previous grade × new grade (customers and amount), and who moved down, largest amount first.
 *
 * Customers are matched by id exactly as written, trimmed ("007" and "7" are two customers; " C1 " is "C1"). A
 * customer "new" had no grade in the previous grading (absent, or present but not graded); "gone" had one and has
 * none now (absent from the new data, or present but not graded). Better and worse follow the order of the current
 * profile's grades (the first is best). A previous grade the current profile does not have ("D" after switching to a
 * three-grade profile) cannot be ranked: such customers get the change "other" (≠) and a matrix row of their own.
 */
import { cellNumber, idText, isBlank } from "./cells";
import type { GradeResult } from "./grade";
import { MoneySums } from "./moneySums";
import { ENGINE_TEXTS } from "../i18n/engine";
import { localizedView } from "../i18n/message";
import type { Cell, ChangeKind, Lang, Localized } from "./types";

export type GradeChange = ChangeKind;

/** An earlier grading as read back from its output: customer id and grade per row, optionally the amount. */
export interface PreviousGrading {
  ids: ArrayLike<Cell>;
  /** The grade letter per row; blank where that row was not graded. */
  grades: ArrayLike<Cell>;
  /** Z per row in the current input's unit, when the earlier output has it (used for the "gone" amounts only). */
  amounts?: ArrayLike<Cell>;
}

interface MovedDown {
  /** Row (customer-level) or customer (sales records) index in the current result. */
  index: number;
  id: string;
  previous: string;
  current: string;
  /** Exact decimal text of the customer's current amount, in the current input's unit. */
  amount: string;
  amountValue: number;
}

export interface GradeMigration {
  /** Matrix rows: the previous grades (the profile's, best first, then any unknown ones in order of appearance). */
  previousGrades: string[];
  /** Matrix columns: the current profile's grades, best first. */
  grades: string[];
  /**
   * counts[p][g]: customers with previous grade p and grade g now. Row `previousGrades.length` is "new" (no previous
   * grade); column `grades.length` is "gone" (no grade now).
   */
  counts: number[][];
  /**
   * Exact decimal text of the amounts of counts[p][g]: the current amount, or for "gone" the previous file's amount
   * ("" in the gone column when the previous file has no amounts). "0" for an empty cell.
   */
  amounts: string[][];
  /** Per current row: the previous grade (null: none), and the change (null: graded in neither, or no id). */
  previous: (string | null)[];
  change: (GradeChange | null)[];
  /** Customers of the previous grading that are not in the current data at all. */
  absent: { id: string; previous: string }[];
  /** Customers who moved to a worse grade, largest current amount first (then in row order). */
  movedDown: MovedDown[];
  /** How many customers of each change (gone counts the absent too). */
  totals: Record<GradeChange, number>;
}

/** A previous grading read back into id → grade (first row of an id wins) and id → amount. */
function previousIndex(prev: PreviousGrading): Map<string, { grade: string; amount: number }> {
  const index = new Map<string, { grade: string; amount: number }>();
  for (let i = 0; i < prev.ids.length; i++) {
    const id = idText(prev.ids[i]);
    if (id === "" || index.has(id)) continue;
    const g = prev.grades[i];
    const grade = isBlank(g) ? "" : String(g).trim();
    index.set(id, { grade, amount: prev.amounts ? cellNumber(prev.amounts[i]) : NaN });
  }
  return index;
}

/**
 * Compares a grading with the previous one. `currentIds` are the ids of the result's rows (customer-level input's
 * id column); for sales records the result's own customer ids are used when it is omitted.
 */
export function compareGradings(
  res: GradeResult,
  previousGrading: PreviousGrading,
  currentIds?: ArrayLike<Cell>,
): GradeMigration {
  const ids = currentIds ?? res.customers?.ids;
  if (!ids) throw new Error("compareGradings needs the customers' ids");
  const idAt = currentIds ? (i: number) => currentIds[i] : (i: number) => res.customers!.ids.at(i);
  const grades = res.profile.grades.map((g) => g.grade);
  const rank = new Map(grades.map((g, i) => [g, i]));
  const prev = previousIndex(previousGrading);

  const previousGrades = [...grades];
  for (const { grade } of prev.values())
    if (grade !== "" && !previousGrades.includes(grade)) previousGrades.push(grade);
  const rowOf = new Map(previousGrades.map((g, i) => [g, i]));
  const NEW = previousGrades.length;
  const GONE = grades.length;
  const sums = new MoneySums();
  const slots = Array.from({ length: NEW + 1 }, () => Array.from({ length: GONE + 1 }, () => sums.open()));
  const counts = Array.from({ length: NEW + 1 }, () => new Array<number>(GONE + 1).fill(0));
  let goneAmountKnown = previousGrading.amounts !== undefined;

  const previous: (string | null)[] = new Array(res.n).fill(null);
  const change: (GradeChange | null)[] = new Array(res.n).fill(null);
  const totals: Record<GradeChange, number> = { up: 0, down: 0, same: 0, new: 0, gone: 0, other: 0 };
  const movedDown: MovedDown[] = [];
  const seen = new Set<string>();

  for (let i = 0; i < res.n; i++) {
    const id = idText(idAt(i));
    if (id === "") continue;
    seen.add(id);
    const before = prev.get(id);
    const p = before && before.grade !== "" ? before.grade : null;
    previous[i] = p;
    const g = res.gradeIndex[i];
    let c: GradeChange | null;
    if (g < 0) c = p === null ? null : "gone";
    else if (p === null) c = "new";
    else if (!rank.has(p)) c = "other";
    else {
      const was = rank.get(p)!;
      c = g < was ? "up" : g > was ? "down" : "same";
    }
    change[i] = c;
    if (c === null) continue;
    totals[c]++;
    const row = p === null ? NEW : rowOf.get(p)!;
    const col = g < 0 ? GONE : g;
    counts[row][col]++;
    if (g >= 0) sums.add(slots[row][col], res.amounts[i]);
    else if (Number.isFinite(before!.amount)) sums.add(slots[row][col], before!.amount);
    else goneAmountKnown = false;
    if (c === "down") {
      const one = new MoneySums();
      const slot = one.open();
      one.add(slot, res.amounts[i]);
      movedDown.push({
        index: i,
        id,
        previous: p!,
        current: grades[g],
        amount: one.text(slot),
        amountValue: res.amounts[i],
      });
    }
  }

  const absent: { id: string; previous: string }[] = [];
  for (const [id, { grade, amount }] of prev) {
    if (seen.has(id) || grade === "") continue;
    absent.push({ id, previous: grade });
    totals.gone++;
    const row = rowOf.get(grade)!;
    counts[row][GONE]++;
    if (Number.isFinite(amount)) sums.add(slots[row][GONE], amount);
    else goneAmountKnown = false;
  }

  movedDown.sort((a, b) => b.amountValue - a.amountValue || a.index - b.index);
  const amounts = slots.map((row) => row.map((slot, col) => (col === GONE && !goneAmountKnown ? "" : sums.text(slot))));
  return { previousGrades, grades, counts, amounts, previous, change, absent, movedDown, totals };
}

/** The change as the Change column shows it. */
const CHANGE_TEXTS: Readonly<Record<GradeChange, Localized>> = localizedView(ENGINE_TEXTS, (t) => t.migration.changes);

export function changeText(change: GradeChange | null, lang: Lang): string {
  return change === null ? "" : CHANGE_TEXTS[change][lang];
}

/** "12 moved down, 5 moved up" / "12 位下降，5 位上升". */
export function movementText(m: GradeMigration, lang: Lang): string {
  const { down, up } = m.totals;
  return ENGINE_TEXTS[lang].migration.movement(down, up);
}
