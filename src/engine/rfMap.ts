/**
 * The R × F map: how many graded customers have each pair of recency and frequency scores. Rows run from the best
 * recency down (R 5 … 1), columns from the lowest frequency up (F 1 … 5), the layout RFM charts use: loyal customers
 * top right, lost ones bottom left.
 */
import type { GradeResult } from "./grade";

export interface RfMap {
  /** R score of each row, top to bottom (5, 4, 3, 2, 1 with five bins). */
  r: number[];
  /** F score of each column, left to right (1, 2, 3, 4, 5). */
  f: number[];
  /** counts[row][col]: graded customers with R = r[row] and F = f[col]. */
  counts: number[][];
}

export function rfMap(res: GradeResult): RfMap {
  const bins = res.profile.method === "quantiles" ? res.profile.bins : 5;
  const r = Array.from({ length: bins }, (_, k) => bins - k);
  const f = Array.from({ length: bins }, (_, k) => k + 1);
  const counts = r.map(() => new Array<number>(bins).fill(0));
  for (let i = 0; i < res.n; i++) {
    if (res.gradeIndex[i] < 0) continue;
    counts[bins - res.r[i]][res.f[i] - 1]++;
  }
  return { r, f, counts };
}
