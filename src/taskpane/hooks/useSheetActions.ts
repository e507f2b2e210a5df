/** What the pane's links and buttons do in the workbook: select rows for the user, add sample data. */
import { rowRangeText } from "../../engine";
import type { Lang } from "../../engine";
import { describeError } from "../describeError";
import { formatCount } from "../components/SourceSection";
import type { GradingFlow } from "../gradingFlow";
import { t } from "../i18n";
import type { PaneMessages } from "./usePaneMessages";
import type { SelectedTable } from "./useSelectedTable";

export interface SheetActions {
  /** Selects rows of a sheet (not graded, moved down…), saying so when Excel could not select them all. */
  selectRows(sheetName: string, rows: number[]): void;
  selectAddress(address: string): void;
  showSheet(sheetName: string): void;
  /** Adds a sheet of sample data, selects it and reads it. */
  trySample(): void;
}

export function useSheetActions(
  flow: GradingFlow,
  lang: Lang,
  table: Pick<SelectedTable, "selectOurselves" | "refresh">,
  {
    setError,
    setNotice,
    tellError,
    tellNotice,
  }: Pick<PaneMessages, "setError" | "setNotice" | "tellError" | "tellNotice">,
): SheetActions {
  const { selectOurselves, refresh } = table;
  return {
    selectRows: (sheetName, rows) =>
      selectOurselves(async () => {
        const selected = await flow.selectRows(sheetName, rows);
        const [first, last] = selected.selected[0] ?? [0, 0];
        if (selected.limit === "singleArea") {
          tellNotice(
            t(lang, "selectOneBlock", {
              rows: rowRangeText(first, last, lang),
              more: formatCount(selected.notSelected, lang),
            }),
          );
        } else if (selected.truncated)
          tellNotice(t(lang, "selectTruncated", { rows: formatCount(selected.rows, lang) }));
      }),
    selectAddress: (address) => selectOurselves(() => flow.selectAddress(address)),
    showSheet: (sheetName) => selectOurselves(() => flow.showSheet(sheetName)),
    trySample: () => {
      setError(null);
      flow.addSample(lang).then(
        (sheet) => {
          setNotice(t(lang, "sampleAdded", { sheet }));
          return refresh();
        },
        (err: unknown) => tellError(describeError(err, lang)),
      );
    },
  };
}
