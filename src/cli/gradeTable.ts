import {
  chooseUnit, detectColumns, GradeError, gradeCustomers, gradeSales, type GradeResult, type InputKind, type NoteContext,
  type Role, type UnitChoice, type GradeMigration,
} from "../engine";
import type { GradeRequest } from "./gradeRequest";
import { withHeaderFound } from "./headerRow";
import { headerTexts, type Table } from "./table";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

export interface GradedTable {
  table: Table;
  kind: InputKind;
  /** 0-based table column per role. */
  mapping: Partial<Record<Role, number>>;
  res: GradeResult;
  /** How notes about result row i name their row and column. */
  noteContext: NoteContext;
  /** How messages about sale i (transaction-level input) name its row and column. */
  saleContext: NoteContext;
  /** The comparison with an earlier result (`--previous`), when one was given. */
  migration?: GradeMigration;
  /** The unit the amounts were read in, and where it came from (--unit, the money column's header, the profile). */
  unit: UnitChoice;
  /** The header of the column the amounts were read from (for "unit from the header …"). */
  moneyHeader: string;
}

/** Finds the columns (engine rules, with the user's --map and --input), then grades the table with the engine. */
export function gradeTable(read: Table, req: GradeRequest): GradedTable {
  const found = withHeaderFound(read, req.manual, req.kind);
  // A header found below a title row is still the same file, read the same way.
  const table = found === read || !read.text ? found : { ...found, text: read.text };
  const headers = headerTexts(table);
  const detection = detectColumns(table.headers, req.manual, req.kind);
  const { mapping, kind, missing } = detection;
  const roles = (kind === "customers" ? ["id", "date", "count", "total"] : ["id", "date", "amount"]) as Role[];
  // Two columns headed alike: reading either would be a guess, so the role is refused, naming both columns.
  const ambiguous = detection.ambiguous.find((a) => roles.includes(a.role) || req.manual[a.role] !== undefined);
  if (ambiguous) throw new UsageError(USAGE_TEXTS.ambiguousColumns(ambiguous.role, headers[ambiguous.columns[0]], ambiguous.columns));
  for (const [role, header] of Object.entries(req.manual) as [Role, string][]) {
    if (mapping[role] === undefined) throw new UsageError(USAGE_TEXTS.mapNoSuchColumn(role, header, headers));
  }
  if (missing.length > 0) throw new UsageError(USAGE_TEXTS.missingColumns(kind, missing, headers));
  const unit = chooseUnit(table.headers, detection, req.profile.monetaryUnit, req.options.unit);

  const present = roles.filter((role) => mapping[role] !== undefined);
  const column = (role: Role) => (present.includes(role) ? table.engineColumn(mapping[role]!, role, kind === "transactions") : undefined);
  const options = { ...req.options, unit: unit.unit, date1904: table.date1904 };
  let res: GradeResult;
  try {
    res =
      kind === "customers"
        ? gradeCustomers(
            { ids: column("id"), lastDates: column("date")!, counts: column("count")!, totals: column("total")! },
            req.profile,
            options,
          )
        : gradeSales({ ids: column("id")!, dates: column("date")!, amounts: column("amount")! }, req.profile, options);
  } catch (err) {
    if (err instanceof GradeError) throw new UsageError(err.text);
    throw err;
  }

  const columnName = (role: Role) => (mapping[role] === undefined ? "" : headers[mapping[role]]);
  const sheetRow = (index: number) => table.firstRowNumber + index;
  return {
    table,
    kind,
    mapping,
    res,
    // A customer-level note sits on the input row it is about, so it names that row as the sheet shows it. A
    // sales customer's row is made by the command, so its note names only the column.
    noteContext: kind === "customers" ? { rowLabel: sheetRow, columnName } : { columnName },
    saleContext: { rowLabel: sheetRow, columnName },
    unit,
    moneyHeader: columnName(kind === "customers" ? "total" : "amount"),
  };
}
