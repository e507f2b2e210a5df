/**
 * The progress bar over a whole run: it only moves forward, and it is not full while the summary sheet is still being
 * written (before, it sat full for most of a second with the pane still busy); the label counts data rows.
 */
import { fraction, progressLabel } from "../../../src/taskpane/components/ProgressSection";
import type { Progress } from "../../../src/taskpane/gradingFlow";

describe("the progress bar", () => {
  const run: Progress[] = [
    { phase: "reading", done: 0, total: 400 },
    { phase: "reading", done: 400, total: 400 },
    { phase: "grading", done: 0, total: 1 },
    { phase: "writing", done: 0, total: 400 },
    { phase: "writing", done: 400, total: 400 },
    { phase: "summary", done: 0, total: 1 },
  ];

  it("only moves forward, and is not full before the run is over (the summary sheet is still being written)", () => {
    const values = run.map(fraction);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  it("says what it is doing in the user's language, counting with thousands separators", () => {
    expect(progressLabel("en", { phase: "writing", done: 12000, total: 30000 })).toBe(
      "Writing results… 12,000 of 30,000 rows",
    );
    expect(progressLabel("zh", { phase: "summary", done: 0, total: 1 })).toMatch(/汇总表/);
  });
});
