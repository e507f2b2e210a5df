import { useEffect, useState } from "react";
import type { DateColumnDays } from "../../engine";
import type { GradingFlow, Inspection } from "../gradingFlow";

export interface DateColumnFacts {
  /** Undefined while the column is being read (or there is none), null when it holds no date. */
  latestDay: number | null | undefined;
  /** The column's days, once read: how many lie after a date (see engine dateColumnDays). */
  days: DateColumnDays | null;
}

/**
 * The days in the mapped date column of the table shown, read once per table and column. A reading overtaken by a
 * newer table is dropped.
 */
export function useDateColumn(
  flow: GradingFlow,
  inspection: Inspection | null,
  dateColumn: number | undefined,
): DateColumnFacts {
  const [facts, setFacts] = useState<DateColumnFacts>({ latestDay: undefined, days: null });
  useEffect(() => {
    setFacts({ latestDay: undefined, days: null });
    if (!inspection || dateColumn === undefined) return;
    let current = true;
    flow.dateColumn(inspection.source, dateColumn, inspection.date1904).then(
      (days) => current && setFacts({ latestDay: days.latestDay, days }),
      () => current && setFacts({ latestDay: null, days: null }),
    );
    return () => {
      current = false;
    };
  }, [flow, inspection, dateColumn]);
  return facts;
}
