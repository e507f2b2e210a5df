/**
 * What happens when the user clicks Grade, step by step, with no UI in it: find the table, read the mapped columns,
 * let the engine grade them, turn the result into cell values, ask before overwriting, write, summarise.
 * Components get these functions as props; all range work goes through the Excel adapter, all rules through the engine.
 */
import addin from "../../package.json";
import {
  allLangs,
  BUILTIN_PROFILES,
  buildSummaryModel,
  compareGradings,
  columnLetters,
  CUSTOMER_COLUMNS,
  dateColumnDays,
  isBlank,
  detectColumns,
  formatDay,
  gradeCustomers,
  gradeSales,
  carriedValue,
  nameColumn,
  nothingToGrade,
  nothingToGradeText,
} from "../engine";
import type {
  ColumnDetection,
  DateColumnDays,
  GradeMigration,
  GradeOptions,
  GradeResult,
  GradeSummary,
  InputKind,
  Lang,
  Localized,
  MonetaryUnit,
  Profile,
  Role,
  UnitSourceFact,
} from "../engine";
import {
  addSampleSheet,
  ExcelAdapterError,
  defaultSalesSheetName,
  freeSheetName,
  newSheetBase,
  isDate1904,
  locateSource,
  isSheetProtected,
  isStructureProtected,
  planCustomerOutput,
  readColumns,
  readColumnFormats,
  readOwnGrades,
  selectAddress,
  selectRows,
  showSheet,
  watchSelection,
  writeCustomerOutput,
  writeSalesOutput,
  writeSummarySheet,
} from "../excel";
import { listWorkbookProfiles, migrateWorkbookProfiles } from "../excel/workbookProfiles";
import type {
  CustomerWriteOptions,
  RunInContext,
  SelectionWatch,
  SelectResult,
  SourceTable,
  WriteResult,
} from "../excel";
import { groupNotGraded } from "./notGradedGroups";
import type { NotGradedGroup } from "./notGradedGroups";
import { sampleFormats, sampleRows } from "./sampleData";
import { noteContext, sheetRow } from "./sourceRows";
import { liveFormulaColumns } from "../engine/compile/excelFormulas";
import { liveFormulaCells, salesLiveFormulaCells } from "./liveFormulas";
import {
  customerOutputValues,
  gradePosition,
  gradingColumns,
  resultFormats,
  salesFormats,
  salesOutputValues,
} from "./outputCells";
import type { ExcelRun } from "./excelRun";
import { t } from "./i18n";

export type { ExcelRun } from "./excelRun";
export type { RunInContext };

export type ColumnMapping = Partial<Record<Role, number>>;

export interface Inspection {
  source: SourceTable;
  date1904: boolean;
  detection: ColumnDetection;
}

export interface GradeRequest {
  source: SourceTable;
  date1904: boolean;
  /** Column per role (0-based, relative to the source's first column), input kind and missing roles. */
  detection: ColumnDetection;
  profile: Profile;
  /** YYYY-MM-DD */
  asOf: string;
  /** YYYY-MM-DD; empty or absent for no window start of its own. */
  windowStart?: string;
  unit: MonetaryUnit;
  /** Where `unit` came from (the user, the money column's header, the profile), recorded on the summary sheet. */
  unitSource?: UnitSourceFact;
  lang: Lang;
  /** Write the results as live worksheet formulas (liveFormulas.ts) instead of values. */
  liveFormulas?: boolean;
}

/** Reading the data rows, grading them, writing one result row per data row (or customer), then the summary sheet. */
type Phase = "reading" | "grading" | "writing" | "summary";
export interface Progress {
  phase: Phase;
  done: number;
  total: number;
}

export type OverwriteChoice = "newSheet" | "overwrite" | "cancel";

export interface GradeHooks {
  onProgress?(progress: Progress): void;
  signal?: AbortSignal;
  /** Asked only when the output cells hold someone else's data; `address` is where the output would go. */
  askOverwrite(address: string): Promise<OverwriteChoice>;
  /**
   * Asked when the sheet beside whose table the results would go is protected: a new sheet, or nothing. Without it,
   * grading stops with FlowError "sheetProtected".
   */
  askProtected?(sheetName: string): Promise<"newSheet" | "cancel">;
}

export interface GradeDone {
  status: "done";
  summary: GradeSummary;
  /** The engine's result, for the per-grade figures of the result card. */
  result: GradeResult;
  /** What changed since the grades the add-in wrote there last time (customer tables graded again in place). */
  migration?: GradeMigration;
  /** 1-based sheet rows of the customers who moved down, largest amount first (to select them). */
  movedDownRows?: number[];
  /** Rows not graded, one group per reason, each with the sheet rows to select. */
  notGradedGroups: NotGradedGroup[];
  written: WriteResult;
  /** Written as live formulas: the sheet where the analysis date is changed to regrade. */
  live?: { parametersSheet: string };
  /** The summary sheet's name; null when it could not be written (the results themselves are complete). */
  summarySheet: string | null;
  /** Why the summary sheet is missing. */
  summaryFailure?: unknown;
  /** 1-based rows of the source sheet whose customer was not graded (customer-level input). */
  notGradedRows: number[];
  /** 1-based rows of the source sheet holding sales that were skipped as unreadable (sales records). */
  skippedSaleRows: number[];
  sourceSheet: string;
}
export type GradeOutcome = GradeDone | { status: "cancelled" };

/**
 * A problem with the request that the pane explains in the user's words (see describeError): no rows, columns
 * missing, nothing readable in a column (the engine's words in `text`), a protected sheet or workbook structure
 * where the results would go (`sheet`).
 */
export type FlowErrorCode =
  | "noRows"
  | "missingColumns"
  | "nothingToGrade"
  | "sheetProtected"
  | "workbookProtected"
  | "summaryProtected"
  // Grade history: the months chosen hold no period end; the workbook's structure refuses the new sheets.
  | "noPeriods"
  | "historyProtected";
export class FlowError extends Error {
  constructor(
    readonly code: FlowErrorCode,
    readonly roles: Role[] = [],
    readonly detail: { text?: Localized; sheet?: string } = {},
  ) {
    super(code);
    this.name = "FlowError";
  }
}

export interface GradingFlow {
  builtinProfiles(): readonly Profile[];
  /** The valid profiles saved in this workbook (see src/excel/workbookProfiles). */
  workbookProfiles(): Promise<Profile[]>;
  inspect(): Promise<Inspection>;
  /** Detection again after the user chose columns by hand (a column per role; NOT_USED for none) or the layout. */
  remap(headers: string[], manual: ColumnMapping, kind?: InputKind): ColumnDetection;
  latestDate(source: SourceTable, dateColumn: number, date1904: boolean): Promise<string | null>;
  /** The days of the date column: the latest, and how many lie after a given day (see engine dateColumnDays). */
  dateColumn(source: SourceTable, dateColumn: number, date1904: boolean): Promise<DateColumnDays>;
  grade(request: GradeRequest, hooks: GradeHooks): Promise<GradeOutcome>;
  selectRows(sheetName: string, rows: number[]): Promise<SelectResult>;
  /** Selects a range such as the results written ("Sheet!F1:L6"). */
  selectAddress(address: string): Promise<void>;
  showSheet(sheetName: string): Promise<void>;
  /** Calls `onChange` after each selection change in Excel (see selectionFollower for the throttling). */
  watchSelection(onChange: () => void): Promise<SelectionWatch>;
  /** Adds a sheet of sample data and selects it; returns the sheet's name. */
  addSample(lang: Lang): Promise<string>;
}

/** The column order the engine needs for each kind of input. */
export function rolesToRead(kind: InputKind): Role[] {
  return kind === "customers" ? ["id", "date", "count", "total"] : ["id", "date", "amount"];
}

/**
 * Grades the columns read for `roles` (columns[k] holds role roles[k]) as the engine input of `kind`; sales records
 * carry `carried` (their other columns) into their customers' rows.
 */
export function gradeColumns(
  kind: InputKind,
  mapping: ColumnDetection["mapping"],
  roles: Role[],
  columns: unknown[][],
  profile: Profile,
  options: GradeOptions,
  carried: readonly { header: string; cells: unknown[] }[] = [],
): GradeResult {
  const column = (role: Role) => columns[roles.indexOf(role)];
  return kind === "customers"
    ? gradeCustomers(
        {
          ids: mapping.id === undefined ? undefined : column("id"),
          lastDates: column("date"),
          counts: column("count"),
          totals: column("total"),
        },
        profile,
        options,
      )
    : gradeSales(
        {
          ids: column("id"),
          dates: column("date"),
          amounts: column("amount"),
          ...(carried.length > 0 ? { carried } : {}),
        },
        profile,
        options,
      );
}

/**
 * The columns of a sales table carried into its customers' rows (RULES.md §7): every column no role reads, in table
 * order; a column with neither a header nor a value is left out.
 */
function columnsToCarry(source: SourceTable, used: readonly number[]): number[] {
  const taken = new Set(used);
  return source.headers.flatMap((_, c) => (taken.has(c) ? [] : [c]));
}

/** A carried column's header: its own, or the column's letter when its header cell is empty ("Column F", "F 列"). */
function carriedHeader(source: SourceTable, column: number, lang: Lang): string {
  const own = String(source.headers[column] ?? "").trim();
  if (own !== "") return own;
  const letter = columnLetters(source.firstColumn + column);
  return t(lang, "columnLetter", { letter });
}

/** A hand-chosen column of -1 tells the engine's detection to leave that role without a column. */
export const NOT_USED = -1;

/** Rows named by not-graded issues, as ascending unique 1-based sheet rows. */
function issueRows(source: SourceTable, issues: { index: number; graded: boolean }[] | undefined): number[] {
  const rows = new Set<number>();
  for (const issue of issues ?? []) if (!issue.graded) rows.add(sheetRow(source, issue.index));
  return [...rows].sort((a, b) => a - b);
}

/**
 * The names the summary's lists show beside rows and ids: a customer table's row i; a sales customer's carried name
 * (its most recent sale's); sale row i's own.
 */
function namesFor(res: GradeResult, source: SourceTable, column: number, cells: readonly unknown[] | undefined) {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const carried = res.customers?.carried;
  const k = carried ? carried.headers.indexOf(carriedHeader(source, column, "en")) : -1;
  return {
    header: String(source.headers[column] ?? ""),
    ofResult: (i: number) =>
      res.kind === "customers" ? text(cells?.[i]) : carried && k >= 0 ? text(carriedValue(carried, i, k)) : "",
    ofSale: (i: number) => text(cells?.[i]),
  };
}

/** New sheets cannot be added while the workbook's structure is protected: said before anything is written. */
async function refuseIfStructureProtected(run: ExcelRun): Promise<void> {
  if (await run((ctx) => isStructureProtected(ctx))) throw new FlowError("workbookProtected");
}

function isCancel(err: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (err instanceof ExcelAdapterError && err.code === "cancelled");
}

/**
 * The pane's work on the workbook. `runIn` is `Excel.run(context, batch)`, which removing the selection handler needs
 * (the context that added it); without it, `watchSelection` refuses.
 */
export function createGradingFlow(run: ExcelRun, runIn?: RunInContext): GradingFlow {
  const flow: GradingFlow = {
    builtinProfiles: () => BUILTIN_PROFILES,

    workbookProfiles: async () => {
      // The pane's first look at a workbook after an update copies an earlier version's profiles into the workbook's
      // own storage (src/excel/workbookProfiles). A workbook Excel does not let us write keeps them where they are:
      // they are listed all the same.
      await run((ctx) => migrateWorkbookProfiles(ctx)).catch(() => 0);
      return run(async (ctx) => (await listWorkbookProfiles(ctx)).profiles);
    },

    inspect: () =>
      run(async (ctx) => {
        const source = await locateSource(ctx);
        const date1904 = await isDate1904(ctx);
        return { source, date1904, detection: detectColumns(source.headers) };
      }),

    remap: (headers, manual, kind) => detectColumns(headers, manual, kind),

    latestDate: async (source, dateColumn, date1904) => {
      const { latestDay } = await flow.dateColumn(source, dateColumn, date1904);
      return latestDay === null ? null : formatDay(latestDay);
    },

    dateColumn: (source, dateColumn, date1904) =>
      run(async (ctx) => {
        const [dates] = await readColumns(ctx, source, [dateColumn]);
        return dateColumnDays(dates, date1904);
      }),

    grade: async (request, hooks) => {
      const { signal } = hooks;
      try {
        return await gradeAndWrite(run, request, hooks);
      } catch (err) {
        if (isCancel(err, signal)) return { status: "cancelled" };
        throw err;
      }
    },

    selectRows: (sheetName, rows) => run((ctx) => selectRows(ctx, sheetName, rows)),
    selectAddress: (address) => run((ctx) => selectAddress(ctx, address)),
    showSheet: (sheetName) => run((ctx) => showSheet(ctx, sheetName)),
    watchSelection: (onChange) => {
      if (!runIn)
        return Promise.reject(
          new Error("createGradingFlow was given no Excel.run(context, batch) to remove the selection handler with"),
        );
      return run((ctx) => watchSelection(ctx, onChange, runIn));
    },
    addSample: (lang) =>
      run(
        async (ctx) =>
          (await addSampleSheet(ctx, t(lang, "sampleSheet"), sampleRows(lang), sampleFormats(lang))).sheetName,
      ),
  };
  return flow;
}

async function gradeAndWrite(run: ExcelRun, request: GradeRequest, hooks: GradeHooks): Promise<GradeOutcome> {
  const { source, lang, date1904, profile } = request;
  const { mapping, kind, missing } = request.detection;
  const { signal, onProgress } = hooks;
  if (source.rowCount === 0) throw new FlowError("noRows");
  if (missing.length > 0) throw new FlowError("missingColumns", missing);

  const roles = rolesToRead(kind).filter((role) => mapping[role] !== undefined);
  const roleColumns = roles.map((role) => mapping[role] as number);
  // Sales records carry their other columns (name, contact, phone …) into each customer's row: read with the rest.
  const toCarry = kind === "transactions" ? columnsToCarry(source, roleColumns) : [];
  // The column that names customers (客户名称 …): the summary's lists show each customer's name beside its row or id.
  const names = nameColumn(source.headers, mapping);
  const nameRead = kind === "customers" && names !== undefined ? [names] : [];
  const read = await run((ctx) =>
    readColumns(ctx, source, [...roleColumns, ...toCarry, ...nameRead], {
      signal,
      onProgress: (done, total) => onProgress?.({ phase: "reading", done, total }),
    }),
  );
  const columns = read.slice(0, roles.length);
  const carried = toCarry
    .map((c, k) => ({ column: c, header: carriedHeader(source, c, lang), cells: read[roles.length + k] }))
    .filter((c) => String(source.headers[c.column] ?? "").trim() !== "" || c.cells.some((cell) => !isBlank(cell)));
  signal?.throwIfAborted();
  onProgress?.({ phase: "grading", done: 0, total: 1 });
  const options = { asOf: request.asOf, windowStart: request.windowStart || undefined, unit: request.unit, date1904 };
  const res = gradeColumns(kind, mapping, roles, columns, profile, options, carried);
  signal?.throwIfAborted();
  // Not one readable value in a column (a date column with no date): most likely the wrong column. Nothing is written.
  const nothing = nothingToGrade(res);
  if (nothing) {
    const columnName = (role: Role) => (mapping[role] === undefined ? "" : (source.headers[mapping[role]!] ?? ""));
    const text = allLangs((lang) => nothingToGradeText(nothing, kind, lang, columnName));
    throw new FlowError("nothingToGrade", nothing.reason === "noRows" ? [] : nothing.roles, { text });
  }

  const writeOptions = {
    lang,
    signal,
    grades: profile.grades.map((g) => g.grade),
    // The writers count the header row they write too; the user counts data rows (or customers).
    onProgress: (done: number, total: number) =>
      onProgress?.({ phase: "writing" as const, done: Math.max(0, done - 1), total: Math.max(0, total - 1) }),
  };
  const context = noteContext(source, mapping);
  let written: WriteResult;
  let migration: GradeMigration | undefined;
  let parametersSheet: string | undefined;
  if (kind === "customers") {
    // Live formulas write the columns that have a formula (not the next-grade order, a value found by search).
    const planned = request.liveFormulas ? liveFormulaColumns(res) : gradingColumns(res);
    let plan = await run((ctx) => planCustomerOutput(ctx, source, planned.length));
    // Grading again over the add-in's own results: the grades there are the previous grading, matched by customer id.
    if (plan.status === "ownOutput" && mapping.id !== undefined) {
      const ids = columns[roles.indexOf("id")];
      const grades = await run((ctx) => readOwnGrades(ctx, source, { signal }));
      migration = compareGradings(res, { ids, grades }, ids);
    }
    // Live formulas regrade when the data or the analysis date change, which fixed Previous grade / Change values
    // beside them would not follow: there the comparison goes to the summary sheet only.
    const compared = request.liveFormulas ? undefined : migration;
    const results = gradingColumns(res, compared);
    // Previous grade and change widen the block: the columns it grows into must be free too.
    if (compared) plan = await run((ctx) => planCustomerOutput(ctx, source, results.length));
    let values = customerOutputValues(res, lang, context, results, date1904, compared);
    let formats = resultFormats(results);
    let gradeColumn = gradePosition(results);
    let mode: CustomerWriteOptions["mode"] = "inPlace";
    // Excel refuses every change of a protected sheet: the user chooses a new sheet (or nothing) before anything is tried.
    if (await run((ctx) => isSheetProtected(ctx, source.sheetName))) {
      if (!hooks.askProtected) throw new FlowError("sheetProtected", [], { sheet: source.sheetName });
      if ((await hooks.askProtected(source.sheetName)) === "cancel") return { status: "cancelled" };
      mode = "newSheet";
    } else if (plan.status === "occupied") {
      const choice = await hooks.askOverwrite(plan.address);
      if (choice === "cancel") return { status: "cancelled" };
      mode = choice;
    }
    if (mode === "newSheet" || request.liveFormulas) await refuseIfStructureProtected(run);
    signal?.throwIfAborted();
    // Formulas name the new sheet (its data references name the source sheet), so its name is chosen first.
    const newSheetName =
      request.liveFormulas && mode === "newSheet"
        ? await run((ctx) => freeSheetName(ctx, newSheetBase(source)))
        : undefined;
    const live = request.liveFormulas
      ? await liveFormulaCells(
          run,
          source,
          mapping,
          res,
          newSheetName ? { newSheet: newSheetName } : { address: plan.address },
          lang,
          date1904,
        )
      : null;
    // The formulas replace the values: the result columns that have a formula.
    if (live) ({ values, columnFormats: formats, gradeColumn } = live);
    try {
      written = await run((ctx) =>
        writeCustomerOutput(ctx, source, values, gradeColumn, {
          ...writeOptions,
          mode,
          newSheetName,
          columnFormats: formats,
        }),
      );
    } catch (err) {
      // The results were put back as they were: so are the sheets (an earlier grading's parameters were not touched).
      await live?.abandon().catch(() => undefined); // its own failure must not hide the error that made us clean up
      throw err;
    }
    await live?.finish();
    parametersSheet = live?.parametersSheet;
  } else {
    // The customers go to a new sheet, which a protected workbook structure refuses.
    await refuseIfStructureProtected(run);
    // Sales notes stand in the customer's own output row, so they name the column only.
    const results = gradingColumns(res);
    // The carried columns keep their sales sheet's number format (a date stays a date, a phone number text).
    const carriedFormats =
      carried.length > 0
        ? await run((ctx) =>
            readColumnFormats(
              ctx,
              source,
              carried.map((c) => c.column),
            ),
          )
        : [];
    let values = salesOutputValues(res, lang, { columnName: context.columnName }, results, date1904);
    let formats = salesFormats(results, carriedFormats);
    let gradeColumn = CUSTOMER_COLUMNS.length + carried.length + gradePosition(results);
    // Live formulas name the customers' sheet, so its name is chosen first; they replace the values cell for cell.
    const sheetName = request.liveFormulas
      ? await run((ctx) => freeSheetName(ctx, defaultSalesSheetName(lang)))
      : undefined;
    const column = (role: Role) => columns[roles.indexOf(role)];
    const live = sheetName
      ? await salesLiveFormulaCells(
          run,
          source,
          mapping,
          { id: column("id"), date: column("date"), amount: column("amount") },
          res,
          sheetName,
          lang,
          date1904,
          carriedFormats,
        )
      : null;
    if (live) ({ values, columnFormats: formats, gradeColumn } = live);
    try {
      written = await run((ctx) =>
        writeSalesOutput(ctx, "", values, gradeColumn, { ...writeOptions, columnFormats: formats }, sheetName),
      );
    } catch (err) {
      await live?.abandon().catch(() => undefined); // its own failure must not hide the error that made us clean up
      throw err;
    }
    await live?.finish();
    parametersSheet = live?.parametersSheet;
  }
  const model = buildSummaryModel(res, {
    lang,
    version: addin.version,
    now: new Date(),
    source: source.address,
    output: written.address,
    rowOf: (index) => sheetRow(source, index),
    // The summary lists the row in a column of its own, so the reasons name the column only.
    columnName: context.columnName,
    migration,
    // Graded again over its own results: the previous grades were those columns.
    previousSource: migration ? written.address : undefined,
    unitSource: request.unitSource,
    date1904,
    ...(names === undefined
      ? {}
      : {
          names: namesFor(
            res,
            source,
            names,
            kind === "customers" ? read[read.length - 1] : carried.find((c) => c.column === names)?.cells,
          ),
        }),
  });
  // The results are complete and the user's data intact at this point; a failing summary must not hide that.
  let summarySheet: string | null = null;
  let summaryFailure: unknown;
  onProgress?.({ phase: "summary", done: 0, total: 1 });
  try {
    // A protected structure refuses the summary's new sheet: said plainly, the results being complete.
    if (await run((ctx) => isStructureProtected(ctx))) throw new FlowError("summaryProtected");
    summarySheet = (await run((ctx) => writeSummarySheet(ctx, model, lang))).sheetName;
  } catch (err) {
    summaryFailure = err;
  }
  return {
    status: "done",
    summary: res.summary,
    result: res,
    ...(migration ? { migration, movedDownRows: migration.movedDown.map((d) => sheetRow(source, d.index)) } : {}),
    notGradedGroups: groupNotGraded(res, source, written, lang, context),
    written,
    ...(parametersSheet !== undefined ? { live: { parametersSheet } } : {}),
    summarySheet,
    ...(summaryFailure === undefined ? {} : { summaryFailure }),
    notGradedRows: kind === "customers" ? issueRows(source, res.issues) : [],
    skippedSaleRows: kind === "transactions" ? issueRows(source, res.saleIssues) : [],
    sourceSheet: source.sheetName,
  };
}
