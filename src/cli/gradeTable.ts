import { CLI_TEXTS } from "../i18n/cli";
import {
  allLangs,
  carriedValue,
  chooseUnit,
  columnLetters,
  detectColumns,
  GradeError,
  gradeCustomers,
  gradeSales,
  isBlank,
  nameColumn,
  nothingToGrade,
  nothingToGradeText,
  type AnalysisDateChoice,
  type Cell,
  type GradeResult,
  type InputKind,
  type MonetaryUnit,
  type NoteContext,
  type Role,
  type UnitChoice,
  type GradeMigration,
} from "../engine";
import type { GradeRequest } from "./gradeRequest";
import { withHeaderFound } from "./headerRow";
import { isOwnCsvResult, unguardedTable } from "./readBack";
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
  /** Whose analysis date the grading used: the profile's fixed default (no --as-of), or the user's. */
  asOfChosenBy: AnalysisDateChoice;
  /** Sales records: the table column of each column carried into the customers' rows, in the result's order. */
  carriedColumns: number[];
  /**
   * The column that names customers (客户名称 …), when the table has one: its header, the name of result row (or sales
   * customer) i, and the name on sale row i. The summary's lists show it beside rows and ids.
   */
  names?: { header: string; ofResult(i: number): string; ofSale(i: number): string };
}

/** The columns of a table found for grading: the table (its header may sit below a title), roles and unit. */
export interface FoundColumns {
  table: Table;
  kind: InputKind;
  mapping: Partial<Record<Role, number>>;
  unit: UnitChoice;
  /** The column playing `role`, read for the engine; undefined when the table has none. */
  column(role: Role): ArrayLike<Cell> | undefined;
  /** The header of the column playing `role` ("" when none). */
  columnName(role: Role): string;
}

/**
 * Finds the columns a grading reads (engine rules, with the user's --map and --input) and the unit of the amounts;
 * a missing or ambiguous column is a usage error naming the headers.
 */
export function findColumns(
  read: Table,
  manual: Partial<Record<Role, string>>,
  askedKind: InputKind | undefined,
  profileUnit: MonetaryUnit,
  unitFlag: MonetaryUnit | undefined,
): FoundColumns {
  const found = withHeaderFound(read, manual, askedKind);
  // A header found below a title row is still the same file, read the same way.
  const below = found === read || !read.text ? found : { ...found, text: read.text };
  // An earlier CSV result graded again: its cells as they were before the formula-injection guard.
  const table = isOwnCsvResult(below) ? unguardedTable(below) : below;
  const headers = headerTexts(table);
  const detection = detectColumns(table.headers, manual, askedKind);
  const { mapping, kind, missing } = detection;
  const roles = (kind === "customers" ? ["id", "date", "count", "total"] : ["id", "date", "amount"]) as Role[];
  // Two columns headed alike: reading either would be a guess, so the role is refused, naming both columns.
  const ambiguous = detection.ambiguous.find((a) => roles.includes(a.role) || manual[a.role] !== undefined);
  if (ambiguous)
    throw new UsageError(
      USAGE_TEXTS.ambiguousColumns(ambiguous.role, headers[ambiguous.columns[0]], ambiguous.columns),
    );
  for (const [role, header] of Object.entries(manual) as [Role, string][]) {
    if (mapping[role] === undefined) throw new UsageError(USAGE_TEXTS.mapNoSuchColumn(role, header, headers));
  }
  if (missing.length > 0) throw new UsageError(USAGE_TEXTS.missingColumns(kind, missing, headers));
  const unit = chooseUnit(table.headers, detection, profileUnit, unitFlag);
  const present = roles.filter((role) => mapping[role] !== undefined);
  return {
    table,
    kind,
    mapping,
    unit,
    column: (role) =>
      present.includes(role) ? table.engineColumn(mapping[role]!, role, kind === "transactions") : undefined,
    columnName: (role) => (mapping[role] === undefined ? "" : headers[mapping[role]]),
  };
}

/** Finds the columns, then grades the table with the engine. */
export function gradeTable(read: Table, req: GradeRequest): GradedTable {
  const { table, kind, mapping, unit, column, columnName } = findColumns(
    read,
    req.manual,
    req.kind,
    req.profile.monetaryUnit,
    req.options.unit,
  );
  const options = { ...req.options, unit: unit.unit, date1904: table.date1904 };
  const graded = [mapping.id, mapping.date, mapping.amount].filter((c) => c !== undefined);
  const carriedColumns = kind === "transactions" ? columnsToCarry(table, graded) : [];
  let res: GradeResult;
  try {
    res =
      kind === "customers"
        ? gradeCustomers(
            { ids: column("id"), lastDates: column("date")!, counts: column("count")!, totals: column("total")! },
            req.profile,
            options,
          )
        : gradeSales(
            {
              ids: column("id")!,
              dates: column("date")!,
              amounts: column("amount")!,
              carried: carriedColumns.map((c) => ({
                header: carriedHeader(table, c, req.lang),
                cells: table.engineColumn(c, "carried", true),
              })),
            },
            req.profile,
            options,
          );
  } catch (err) {
    if (err instanceof GradeError) throw new UsageError(err.text);
    throw err;
  }

  return gradedTable(
    { table, kind, mapping, unit, columnName },
    res,
    req,
    carriedColumns,
    (column) => (i) => table.cell(i, column),
  );
}

/**
 * The engine's result with what the writers and the summary need of the table it came from (whether the table was
 * read whole or in blocks); a result with nothing graded because one column was never readable is refused.
 * `saleCells(column)` reads the column's cell on sale row i (the summary names the customer of a skipped sale).
 */
export function gradedTable(
  found: Pick<FoundColumns, "table" | "kind" | "mapping" | "unit" | "columnName">,
  res: GradeResult,
  req: GradeRequest,
  carriedColumns: number[],
  saleCells: (column: number) => (i: number) => Cell,
): GradedTable {
  const { table, kind, mapping, unit, columnName } = found;
  // Every row unreadable in one column is most likely the wrong column: refused, naming it, instead of an empty result.
  const nothing = nothingToGrade(res);
  if (nothing) {
    const said = allLangs((lang) => nothingToGradeText(nothing, kind, lang, columnName));
    throw new UsageError(USAGE_TEXTS.nothingToGrade(said, nothing.reason === "noRows" ? undefined : nothing.roles[0]));
  }
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
    asOfChosenBy: req.options.asOf === undefined ? "profile" : "user",
    carriedColumns,
    ...nameReader(table, mapping, res, carriedColumns, saleCells),
  };
}

/**
 * The columns of a sales table that are carried into its customers' rows: every column the grading does not read, in
 * table order. A column with neither a header nor a value is left out (a trailing delimiter makes one in many CSV files).
 */
function columnsToCarry(table: Table, read: readonly number[]): number[] {
  const headers = headerTexts(table);
  const columns: number[] = [];
  for (let c = 0; c < table.width; c++) {
    if (read.includes(c)) continue;
    if ((headers[c] ?? "") === "" && !hasValue(table.engineColumn(c, "carried", true))) continue;
    columns.push(c);
  }
  return columns;
}

function hasValue(cells: ArrayLike<Cell>): boolean {
  const keys = (cells as { repeats?: { keys: ArrayLike<Cell> } }).repeats?.keys ?? cells;
  for (let k = 0; k < keys.length; k++) if (!isBlank(keys[k])) return true;
  return false;
}

/** A carried column's header; one without a header is named by its letter ("Column F", "F 列"). */
export function carriedHeader(table: Table, c: number, lang: GradeRequest["lang"]): string {
  const header = headerTexts(table)[c] ?? "";
  if (header !== "") return header;
  return CLI_TEXTS[lang].columnOfLetter(columnLetters(c));
}

/** How the summary's lists name a customer: the table's name column, per input row or per sales customer. */
function nameReader(
  table: Table,
  mapping: Partial<Record<Role, number>>,
  res: GradeResult,
  carriedColumns: readonly number[],
  saleCells: (column: number) => (i: number) => Cell,
): Pick<GradedTable, "names"> {
  const column = nameColumn(table.headers, mapping);
  if (column === undefined) return {};
  const text = (v: Cell) => (isBlank(v) ? "" : String(v instanceof Date ? v.toISOString().slice(0, 10) : v).trim());
  const header = headerTexts(table)[column];
  const cellOf = saleCells(column);
  const ofSale = (i: number) => text(cellOf(i));
  const carried = res.customers?.carried;
  if (!carried) return { names: { header, ofResult: ofSale, ofSale } };
  const k = carriedColumns.indexOf(column);
  return k < 0 ? {} : { names: { header, ofResult: (j) => text(carriedValue(carried, j, k)), ofSale } };
}
