import { useEffect, useState } from "react";
import { parseDateText } from "../../engine";
import type { GradingFlow, Inspection } from "../gradingFlow";

/**
 * The latest day in the mapped date column of the table shown: undefined while it is being read (or there is no
 * date column), null when the column holds no date. A reading overtaken by a newer table is dropped.
 */
export function useLatestDay(flow: GradingFlow, inspection: Inspection | null, dateColumn: number | undefined): number | null | undefined {
  const [latestDay, setLatestDay] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    setLatestDay(undefined);
    if (!inspection || dateColumn === undefined) return;
    let current = true;
    flow.latestDate(inspection.source, dateColumn, inspection.date1904).then(
      (date) => current && setLatestDay(date === null ? null : parseDateText(date)),
      () => current && setLatestDay(null),
    );
    return () => {
      current = false;
    };
  }, [flow, inspection, dateColumn]);
  return latestDay;
}
