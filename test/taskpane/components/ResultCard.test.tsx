/**
 * The result card's count line adds up: graded, not graded and blank rows skipped (RULES.md §8: a row blank in every
 * column read is neither graded nor "not graded").
 */
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { builtinProfile } from "../../../src/engine";
import type { Lang, Profile } from "../../../src/engine";
import { ResultCard } from "../../../src/taskpane/components/ResultCard";
import { gradeBreakdown } from "../../../src/taskpane/gradeBreakdown";
import { createGradingFlow } from "../../../src/taskpane/gradingFlow";
import type { GradeDone } from "../../../src/taskpane/gradingFlow";
import { FakeExcel } from "../../excel/fake";
import { SHAOXING_AS_OF, SHAOXING_HEADERS, SHAOXING_ROWS } from "../fixtures";

const shaoxing = builtinProfile("shaoxing") as Profile;

async function gradedWithBlankRow(lang: Lang): Promise<GradeDone> {
  // The fixture's five rows (four graded, C005 not graded) and, after C002, a row blank in the four columns read;
  // a memo in a fifth column keeps it inside the table.
  const rows = SHAOXING_ROWS.map((row) => [...row, ""]);
  rows.splice(2, 0, ["", "", "", "", "closed"]);
  const excel = new FakeExcel({ sheets: { Sales: [[...SHAOXING_HEADERS, "备注"], ...rows] }, selection: "Sales!A1" });
  const flow = createGradingFlow((batch) => excel.run(batch));
  const { source, date1904, detection } = await flow.inspect();
  expect(source.rowCount).toBe(6);
  const outcome = await flow.grade(
    { source, date1904, detection, profile: shaoxing, asOf: SHAOXING_AS_OF, unit: "wan", lang },
    { askOverwrite: async () => "newSheet" },
  );
  if (outcome.status !== "done") throw new Error("not graded");
  return outcome;
}

function countLine(done: GradeDone, lang: Lang): string {
  const html = renderToStaticMarkup(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <ResultCard
          lang={lang}
          result={done}
          breakdown={gradeBreakdown(done.result, lang)}
          asOfWarning={null}
          onSelectResults={() => undefined}
          onOpenSummary={() => undefined}
          onSelectRows={() => undefined}
        />
      </FluentProvider>
    </SSRProvider>,
  );
  return /data-testid="graded-count"[^>]*>([^<]*)</.exec(html)?.[1] ?? "";
}

test.each([
  ["en", "4 of 6 graded · 1 not graded · 1 blank row skipped"],
  ["zh", "已分级 4 / 6 · 1 个未分级 · 跳过 1 个空行"],
] as [Lang, string][])(
  "a blank row is counted apart, so graded + not graded + blank = rows (%s)",
  async (lang, expected) => {
    expect(countLine(await gradedWithBlankRow(lang), lang)).toBe(expected);
  },
);
