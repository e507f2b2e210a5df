/**
 * The result card's line on what changed since the previous grading ("12 moved down, 5 moved up"), with a link that
 * selects the rows of the customers who moved down. Words and counts come from the engine's comparison.
 */
import * as React from "react";
import { Link, Text } from "@fluentui/react-components";
import { movementText, type GradeMigration, type Lang } from "../../engine";
import { t } from "../i18n";

export interface MovementLineProps {
  lang: Lang;
  migration: GradeMigration;
  /** 1-based sheet rows of those who moved down. */
  movedDownRows: number[];
  sheetName: string;
  onSelectRows(sheetName: string, rows: number[]): void;
}

export function MovementLine({ lang, migration, movedDownRows, sheetName, onSelectRows }: MovementLineProps) {
  return (
    <Text size={300} data-testid="movement">
      {movementText(migration, lang)}
      {movedDownRows.length > 0 && (
        <>
          {" · "}
          <Link as="button" data-testid="select-moved-down" onClick={() => onSelectRows(sheetName, movedDownRows)}>
            {t(lang, "selectMovedDown")}
          </Link>
        </>
      )}
    </Text>
  );
}
