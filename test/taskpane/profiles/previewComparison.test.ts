import type { GradeSummary } from "../../../src/engine";
import { changeText, compareGradeCounts } from "../../../src/taskpane/profiles/previewComparison";

function summary(gradeCounts: [string, number][], notGraded = 0): GradeSummary {
  const graded = gradeCounts.reduce((n, [, c]) => n + c, 0);
  return {
    profileId: "x",
    method: "thresholds",
    asOf: "2025-07-01",
    unit: "yuan",
    kind: "customers",
    rows: graded + notGraded,
    graded,
    notGraded,
    gradeCounts: gradeCounts.map(([grade, count]) => ({ grade, count })),
    scoreCounts: { recency: [], frequency: [], monetary: [] },
  };
}

describe("the preview's before/after table", () => {
  it("pairs the counts by grade, the edited grades first, then grades only the opened profile had, then rows not graded", () => {
    const before = summary(
      [
        ["A", 1],
        ["B", 2],
        ["C", 1],
      ],
      1,
    );
    const after = summary(
      [
        ["A", 2],
        ["B", 1],
        ["D", 1],
      ],
      1,
    );
    const rows = compareGradeCounts(after, before);
    expect(rows).toEqual([
      { grade: "A", before: 1, after: 2 },
      { grade: "B", before: 2, after: 1 },
      { grade: "D", before: undefined, after: 1 },
      { grade: "C", before: 1 },
      { grade: null, before: 1, after: 1 },
    ]);
    expect(rows.map(changeText)).toEqual(["+1", "−1", "", "", "0"]);
  });

  it("without a profile to compare with, shows the edited counts only", () => {
    const rows = compareGradeCounts(summary([["A", 3]]));
    expect(rows).toEqual([
      { grade: "A", before: undefined, after: 3 },
      { grade: null, before: undefined, after: 0 },
    ]);
    expect(rows.map(changeText)).toEqual(["", ""]);
  });
});
