/**
 * The engine's words in English: notes on rows, messages about profiles and requests, the summary and history sheets,
 * result-column headers, the sheets live formulas add, and the column headers the engine recognises in English.
 * Every other language's engine catalogue has this one's type (EngineTexts).
 */
import type { PluralForms } from "../message";
import type { ChangeKind, Dimension, IssueCode, Role, TieRule, UnitSource } from "../../engine/types";

const en = {
  /** Punctuation as this language writes it inside sentences and lists. */
  punctuation: {
    /** After a label: "Profile: shaoxing". */
    colon: ": ",
    /** Between the items of a list of names: "A, B". */
    listSeparator: ", ",
    /** Between whole sentences or notes in one cell: "a; b". */
    /** Between clauses of one sentence: "a, b". */
    comma: ", ",
    semicolon: "; ",
    /** A column header, profile name … quoted in a sentence. */
    quote: (text: string) => `“${text}”`,
    /** Quoted headers one after another: “A”, “B”. */
    quotedListSeparator: ", ",
    /** The word joining the last two items of a list: "A, B and C". */
    and: " and ",
    /** Between two sentences of one paragraph: a space in English, nothing after Chinese full stops. */
    sentenceGap: " ",
  },

  /** A count with its noun, by plural category (Intl.PluralRules of the language's locale); `{n}` is the number. */
  counts: {
    rows: { one: "{n} row", other: "{n} rows" },
    sales: { one: "{n} sale", other: "{n} sales" },
    customers: { one: "{n} customer", other: "{n} customers" },
  } as Record<"rows" | "sales" | "customers", PluralForms>,
  /** Sheet rows from..to as people write them: "row 6", "rows 6–9". */
  rowRange: (from: number, to: number) => (from === to ? `row ${from}` : `rows ${from}–${to}`),

  /** What a column of each role is called when its header is not known. */
  roleNames: {
    id: "customer id",
    date: "last order date",
    count: "purchase count",
    total: "total amount",
    amount: "order amount",
  } as Record<Role, string>,

  /** Reasons a row is not graded or carries a note (RULES.md §8). `v` is the offending cell as text (may be empty). */
  issues: {
    dateMissing: (_v: string) => "last order date is missing",
    dateInvalid: (v: string) => `last order date is not a date (${v})`,
    dateAfterAsOf: (v: string) => `last order date ${v} is after the analysis date`,
    countMissing: (_v: string) => "purchase count is missing",
    countInvalid: (v: string) => `purchase count is not a number (${v})`,
    countNotWhole: (v: string) => `purchase count is not a whole number (${v})`,
    countNotPositive: (v: string) => `purchase count must be at least 1 (${v})`,
    totalMissing: (_v: string) => "total amount is missing",
    totalInvalid: (v: string) => `total amount is not a number (${v})`,
    totalNotPositive: (v: string) => `total amount must be greater than 0 for this profile (${v})`,
    totalTooLarge: (_v: string) => "the amounts add up to more than any number can hold (beyond 1.8 × 10^308)",
    idMissing: (_v: string) => "customer id is missing",
    errorValue: (v: string) => `the cell holds the Excel error ${v}`,
    duplicateId: (v: string) => `duplicate customer id ${v}`,
    amountMissing: (_v: string) => "order amount is missing",
    amountInvalid: (v: string) => `order amount is not a number (${v})`,
    saleDateMissing: (_v: string) => "order date is missing",
    saleDateInvalid: (v: string) => `order date is not a date (${v})`,
    separatorUnclear: (v: string) =>
      `${v} can be read two ways: no other cell of this column shows whether a comma or a point marks its decimals`,
    separatorsMixed: (v: string) =>
      `this column marks decimals with a comma in some cells and a point in others, so ${v} cannot be read for sure`,
    noSaleInWindow: (v: string) => `no purchase inside the window ${v}`,
    severalValues: (v: string) => `Several values in ${v}: the most recent sale's are shown`,
  } satisfies Record<IssueCode, (v: string) => string>,
  /** Where a note is: "Row 6, column “Date”: ", "Column “Date”: " when the row is not known. */
  rowColumnPrefix: (row: string | number | undefined, column: string) =>
    row === undefined ? `Column “${column}”: ` : `Row ${row}, column “${column}”: `,
  /** A row's own prefix, for a note that names its columns itself. */
  rowPrefix: (row: string | number) => `Row ${row}: `,

  /** What a grading request lacks. */
  request: {
    asOfMissing: "This profile has no default analysis date: give an analysis date.",
    asOfInvalid: "The analysis date is not a valid date.",
    windowInvalid: "The window start is not a valid date, or it is after the analysis date.",
    quantileNeedsPopulation:
      "This profile ranks customers against each other (quintiles): give it the whole customer columns, not single cells.",
  },

  /** A selection or file with nothing to grade. */
  nothingToGrade: {
    noRows: "There are no rows to grade below the header.",
    /** What a column of each role should hold, for "no row has … in column X". */
    holds: {
      id: "has a customer id",
      date: "has a date",
      count: "has a number",
      total: "has a number",
      amount: "has a number",
    } as Record<Role, string>,
    /** The role's name in sales records, where it differs from roleNames. */
    salesRoleNames: { date: "order date" } as Partial<Record<Role, string>>,
    unreadableColumn: (what: string, column: string, meant: string) =>
      `No row ${what} in column “${column}”: check that this is the ${meant} column.`,
  },

  /** Contact periods of a grade's cadence. */
  periods: {
    every: (unit: "months" | "days", n: number) =>
      unit === "days" ? (n === 1 ? "every day" : `every ${n} days`) : n === 1 ? "every month" : `every ${n} months`,
  },

  /** Problems with a profile document (RULES.md §11): each follows the field it is about. */
  profileIssues: {
    notAnObject: "must be a JSON object",
    notAField: "is not a profile field",
    id: 'must be 1–64 letters, digits, "-", "_" or "."',
    textsObject: "must be an object with English (en) and Chinese (zh) text",
    nonEmptyText: "must be a non-empty text",
    method: 'must be "thresholds" or "quantiles"',
    monetaryUnit: 'must be "yuan" or "wan" (10,000 yuan)',
    weights: "must be an object with recency, frequency and monetary weights",
    number: "must be a number",
    decimalPlaces: (places: number) => `must have at most ${places} decimal places`,
    atLeast: (min: number) => `must be at least ${min}`,
    thresholdsRequired: "is required for a thresholds profile: an object with recency, frequency and monetary bounds",
    fourBounds: "must be a list of 4 bounds",
    boundsIncrease: "bounds must increase: each must be greater than the one before",
    unknownDimension: "is not a known dimension (recency, frequency, monetary)",
    quantilesOnly: "belongs to quantile profiles only",
    thresholdsOnly: "belongs to thresholds profiles only",
    bins: (max: number) => `must be a whole number from 2 to ${max}`,
    ties: 'must be "average", "best" or "first"',
    date: "must be a date written YYYY-MM-DD",
    windowAfterAsOf: "must not be after asOf",
    grades: "must be a non-empty list of grades",
    gradeObject: "must be an object",
    gradeName: 'must be a non-empty text such as "A"',
    gradeRepeated: (grade: string) => `repeats the grade "${grade}"`,
    lastGradeCut: "the last grade must have no cut-off: it takes every remaining customer (catch-all)",
    oneCut: 'must have exactly one cut-off, "above" or "atLeast" (only the last grade has none)',
    cutsFall: "must be lower than the cut-off of the grade before (grades go from best to worst)",
    periodObject: 'must be an object such as {"months": 1} or {"days": 14}',
    periodUnit: "is not a period unit (months or days)",
    periodOneUnit: 'must give exactly one of "months" or "days"',
    periodRange: (max: number) => `must be a whole number from 1 to ${max}`,
  },

  /** A profile file that is not JSON: where and what a reader expected. */
  json: {
    notJson: (expected: string) => `The file is not valid JSON: ${expected}`,
    notJsonAt: (line: number, column: number, expected: string) =>
      `The file is not valid JSON: line ${line}, column ${column}: ${expected}`,
    expected: {
      empty: "the file is empty",
      value: "expected a value (text, number, true/false/null, list or object)",
      key: "expected a field name in double quotes",
      colon: 'expected ":" after the field name',
      commaOrBrace: 'expected "," or "}" after the value',
      commaOrBracket: 'expected "," or "]" after the value',
      string: "text in double quotes is not closed or holds an invalid character",
      number: "this number is not written the JSON way",
      end: "unexpected text after the end of the document",
      eof: "the file ends too early",
    },
  },

  /** Amounts shown compactly: powers of ten and the word that stands for them, largest first; the currency word. */
  money: {
    scales: [
      [12, "T"],
      [9, "B"],
      [6, "M"],
      [3, "K"],
    ] as [number, string][],
    yuan: "yuan",
  },

  /** The comparison with a previous grading. */
  migration: {
    /** The change as the Change column shows it. */
    changes: { up: "↑", down: "↓", same: "=", new: "new", gone: "gone", other: "≠" } as Record<ChangeKind, string>,
    movement: (down: number, up: number) => `${down} moved down, ${up} moved up`,
  },

  /** The order that lifts a customer to the next grade (RULES.md §12), when none does. */
  notReachable: "not reachable with one order",

  /** Result-column headers, by column id; the columns of sales output before them. */
  resultHeaders: {
    r: "R Score",
    f: "F Score",
    m: "M Score",
    score: "RFM Score",
    grade: "Grade",
    cadence: "Cadence",
    note: "Note",
    nextContact: "Next contact by",
    previous: "Previous grade",
    change: "Change",
    nextGrade: "Next grade with one order of",
  },
  customerHeaders: {
    customer: "Customer",
    lastOrder: "Last order date",
    purchases: "Purchases",
    amount: "Amount",
  },

  /** The summary sheet, written the same by the add-in and the command line. */
  summary: {
    title: "RFM Summary",
    profile: "Profile",
    method: "Method",
    methods: { thresholds: "fixed thresholds", quantiles: "quantiles" },
    rules: "Rules used",
    asOf: "Analysis date",
    window: "Sales window",
    unit: "Amount unit",
    units: { yuan: "yuan", wan: "10k yuan (万元)" },
    /** Beside the unit: where it came from (the user's choice, the money column's header, the profile). */
    unitFrom: (source: UnitSource, header: string) =>
      source === "header"
        ? `from the column header “${header}”`
        : source === "user"
          ? "chosen by the user"
          : "the profile's unit",
    source: "Data read",
    output: "Results written to",
    previousSource: "Compared with",
    version: "Add-in version",
    generatedAt: "Graded at",
    rows: "Rows / customers",
    graded: "Graded",
    notGraded: "Not graded",
    salesRead: "Sales read",
    salesKept: "Sales inside the window",
    salesOutside: "Sales outside the window",
    salesSkipped: "Sales skipped (unreadable)",
    grade: "Grade",
    customers: "Customers",
    customerShare: "Share of customers",
    amount: "Amount",
    amountShare: "Share of amount",
    total: "Total",
    sharesNote: "Shares are rounded to 0.1 % so that each column adds up to 100 % (largest remainder).",
    score: "Score",
    dims: { recency: "R", frequency: "F", monetary: "M" } as Record<Dimension, string>,
    chartTitle: "Customers per grade",
    rfTitle: "Customers by R and F score",
    rfCorner: "R \\ F",
    nextGradeTitle: "Next grade with one order",
    canMoveUp: "Can move up with one order",
    notReachable: "Not reachable with one order",
    ordersNeeded: "Orders needed in all",
    nextGradeNote:
      "One new order on the analysis date (recency 0, one more purchase), of the smallest amount that lifts the customer's grade; each customer's amount is in the column “Next grade with one order of”.",
    migrationCustomers: "Grade changes since the previous grading: customers",
    migrationAmount: "Grade changes since the previous grading: amount",
    migrationCorner: "Previous \\ now",
    new: "New",
    gone: "Gone",
    changes: "Changes",
    changeNames: {
      up: "Moved up",
      down: "Moved down",
      same: "Same grade",
      new: "New",
      gone: "Gone",
      other: "Not comparable (≠)",
    } as Record<ChangeKind, string>,
    movedDownList: "Customers who moved down, largest amount first",
    customerId: "Customer id",
    previousGrade: "Previous grade",
    notGradedList: "Rows not graded",
    row: "Row",
    reason: "Reason",
    more: (n: number) => `… and ${n} more`,
  },

  /** The rules used, one line each, in the summary and the pane. */
  rules: {
    unitYuan: "yuan",
    unitWan: "10,000 yuan",
    recency: (bounds: string) => `R: days since the last order, bounds ${bounds} (score 5 down to 2; beyond: 1)`,
    frequency: (bounds: string) => `F: purchases, bounds ${bounds} (score 1 up to 4; beyond: 5)`,
    monetary: (bounds: string, unit: string) =>
      `M: total amount in ${unit}, bounds ${bounds} (score 1 up to 4; beyond: 5)`,
    quantiles: (bins: number, ties: string) => `R, F, M: ${bins} equal groups by rank; ties: ${ties}`,
    ties: {
      average: "tied customers share the group of their middle position",
      best: "tied customers all get the better group",
      first: "ties broken by row order",
    } as Record<TieRule, string>,
    weights: (r: number, f: number, m: number) => `RFM score X = ${r}·R + ${f}·F + ${m}·M`,
    grade: (grade: string, condition: string, cadence: string) => `Grade ${grade}: ${condition} (${cadence})`,
    nextContact: (period: string) => `next contact ${period}`,
    otherwise: "otherwise",
  },

  /** The grade-history sheets (RULES.md §13), beside the summary's words. */
  history: {
    historySheet: "Grade history",
    transitionsSheet: "Grade transitions",
    /** The add-in's third history sheet (the summary: customers per grade at each period end, and the chart). */
    summarySheet: "Grade history summary",
    customerId: "Customer id",
    periodEnds: "Period ends",
    steps: { month: "month ends", quarter: "quarter ends" },
    /** A period as finance staff name it: "2025-01", "2025-Q1". */
    periodLabel: (step: "month" | "quarter", year: number, month: number, quarter: number) =>
      step === "month" ? `${year}-${String(month).padStart(2, "0")}` : `${year}-Q${quarter}`,
    /** "24 month ends, 2023-09-30 – 2025-08-31" */
    periodSpan: (count: number, step: string, first: string, last: string) => `${count} ${step}, ${first} – ${last}`,
    /** The window at each period end. */
    window: (start: string) => `${start} – each period end`,
    noWindowStart: "every sale up to each period end",
    salesCounted: "Sales counted (up to the last period end)",
    salesOutside: "Sales before the window start or after the last period end",
    listed: "Customers with a grade at some period end",
    perPeriod: "Customers per grade at each period end",
    periodEnd: "Period end",
    graded: "Graded",
    chartTitle: "Customers per grade over time",
    lastMoves: (from: string, to: string) => `Grade changes from ${from} to ${to}: customers`,
    movesCorner: "Before \\ after",
    noGrade: "no grade",
    from: "From",
    to: "To",
    gradeBefore: "Grade before",
    gradeAfter: "Grade after",
    change: "Change",
    customers: "Customers",
    amountAfter: (unit: string) => `Amount at the later end in ${unit}`,
    about:
      "Each period end is graded as the analysis date with the sales known by then; “no grade”: no sale inside the window by that day (or, with fixed thresholds, a total of 0 or less).",
  },

  /** What the profile compiler says when a profile cannot be compiled as asked. */
  compile: {
    unknownDialect: (v: string) => `Unknown SQL dialect "${v}": use duckdb, postgres, mysql or spark.`,
    firstNeedsOrder: () =>
      'This profile breaks ties by input order (ties: "first"), and a database table has no order of its own: name the column that gives the order.',
    tooManyRowsForFormulas: (rows: string, limit: string) =>
      `Live formulas for a quantile profile compare every customer with every other one, so Excel would recalculate slowly: ${rows} rows is more than the ${limit} they are offered for. Write values instead, or use a thresholds profile.`,
    tooManyCustomersForFormulas: (customers: string, limit: string) =>
      `Live formulas for a quantile profile compare every customer with every other one, so Excel would recalculate slowly: ${customers} customers is more than the ${limit} they are offered for. Write values instead, or use a thresholds profile.`,
    tooManySalesForFormulas: (sales: string, customers: string, limit: string) =>
      `Live formulas for sales records look up every sale for every customer, so Excel would recalculate slowly: ${sales} sales × ${customers} customers is more than the ${limit} they are offered for. Write values instead, or total the sales per customer first and grade that customer table with live formulas.`,
    salesAmountsNotExact: (amount: string) =>
      `Live formulas add order amounts as whole millionths, and the order amount ${amount} (more than 6 decimals, or totals too large) cannot be added exactly that way. Write values instead: they are exact.`,
    salesCellAsText: (row: string, column: string, value: string, role: string) =>
      `Row ${row}, column “${column}”: ` +
      (role === "id"
        ? `the customer id “${value}” has spaces before or after it (or is a number with decimals), which live formulas would not read as the add-in does.`
        : `“${value}” is text, which live formulas cannot read as the add-in does.`) +
      ` Enter it as ${role === "id" ? "text without those spaces" : role === "date" ? "a date" : "a number"}, or clear “Write as live Excel formulas” to write values.`,
  },

  /** The sheets live formulas add beside the results, and the labels of their parameters block. */
  liveFormulas: {
    sheets: {
      parameters: "RFM parameters",
      parametersTitle: "Parameters of the live RFM formulas",
      keys: "RFM helper",
      keysTitle: "Days, purchases and amounts the live RFM formulas rank on (do not edit)",
    },
    salesSheet: "Sales records",
    customersFixed:
      "The customers are those of the sales records at grading; a sale of a customer not listed here is left out until you grade again",
    parameters: {
      asOf: "Analysis date",
      asOfHelp: "Change it and the grades recalculate",
      start: "Sales window start",
      startHelp: "Sales before this date are left out; empty: every sale up to the analysis date",
      moneyScale: "Amount scale",
      moneyScaleHelp:
        "Order amounts are multiplied by this and rounded before they are added, so totals are exact (6 decimals)",
      unit: "Amount unit",
      scale: "Score scale",
      scaleHelp:
        "Weights and grade cut-offs below are multiplied by this, so every comparison is between whole numbers",
      weight: (d: string) => `Weight ${d} (× scale)`,
      recency: (s: number) => `R = ${s} up to days`,
      frequency: (s: number) => `F = ${s} up to purchases`,
      monetary: (s: number) => `M = ${s} up to amount`,
      bins: "Quantile bins (k)",
      graded: "Customers graded (N)",
      grade: (i: number) => `Grade ${i + 1}`,
      cut: (g: string, op: string) => `${g}: RFM score ${op === ">" ? "above" : "at least"} (× scale)`,
      cadence: (g: string) => `${g}: cadence`,
      every: (g: string, unit: "months" | "days") => `${g}: next contact after (${unit})`,
    },
  },

  /**
   * Column headers recognised in a user's data (RULES.md §10), as matching sees them (lower case, single spaces, the
   * name before any bracketed unit). Recognition reads every language's headers, whatever language the user reads.
   */
  recognisedHeaders: {
    id: ["customer", "customer id", "customer_id", "id"],
    date: ["last order date", "order date", "date"],
    count: ["frequency", "purchase count", "purchases", "orders", "count"],
    // "total" is also the name of the role (--map total=…), so a column headed so is read as one.
    total: ["monetary", "total amount", "total"],
    amount: ["amount", "order amount"],
  } as Record<Role, readonly string[]>,
  /** Headers of a column that names the customer (as against its id), most telling first. */
  nameHeaders: ["customer name", "client name", "company name", "company", "account name", "name"] as readonly string[],
};

export type EngineTexts = typeof en;
export default en;
