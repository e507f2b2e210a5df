/**
 * Public types of the RFM engine. Every layer (formulas, task pane, command line) works with these and only these;
 * the rules themselves live in the engine modules and nowhere else.
 */

import type { Lang } from "../i18n/languages";
import type { Localized } from "../i18n/message";

export type { Lang, Localized };

/**
 * A profile's own text (its name, a grade's cadence): user data in the profile document, not the product's words. It
 * carries English and Simplified Chinese, and may carry any other language the product speaks ("zh-TW"); where it
 * has none in a language, the registry's fallback stands in (zh-TW → zh → en). Read it through `profileText`.
 */
export type ProfileText = { en: string; zh: string } & { [L in Lang]?: string };

/** Where the unit of the amounts came from: the user's choice, the money column's header, or the profile. */
export type UnitSource = "user" | "header" | "profile";

/** How a customer's grade changed since a previous grading (the Change column). */
export type ChangeKind = "up" | "down" | "same" | "new" | "gone" | "other";

export type Dimension = "recency" | "frequency" | "monetary";
export type TieRule = "average" | "best" | "first";
export type MonetaryUnit = "yuan" | "wan";
export type InputKind = "customers" | "transactions";

/** Column roles of RULES.md §10. `amount` is the amount of one order; `total` is the customer's total Z. */
export type Role = "id" | "date" | "count" | "total" | "amount";

/**
 * How long until a customer of a grade is due for contact again: whole months or whole days (at least 1). Months are
 * calendar months: the day of the month is kept, or falls back to the month's last day (Jan 31 + 1 month = Feb 28/29).
 */
export type ContactPeriod = { months: number } | { days: number };

/** A grade's contact cadence: the text people read, and optionally the period that dates the next contact. */
type Cadence = ProfileText & {
  every?: ContactPeriod;
};

export interface GradeRule {
  grade: string;
  /** Matches when X > above. */
  above?: number;
  /** Matches when X >= atLeast. */
  atLeast?: number;
  cadence: Cadence;
}

interface ProfileBase {
  id: string;
  name: ProfileText;
  monetaryUnit: MonetaryUnit;
  weights: Record<Dimension, number>;
  grades: GradeRule[];
  /** Default as-of date, YYYY-MM-DD. */
  asOf?: string;
  /** Default start of the sales window, YYYY-MM-DD. */
  windowStart?: string;
}

export interface ThresholdProfile extends ProfileBase {
  method: "thresholds";
  /**
   * recency: upper bounds in days for scores 5,4,3,2; frequency and monetary: upper bounds for scores 1,2,3,4.
   * Four strictly increasing numbers each.
   */
  thresholds: Record<Dimension, number[]>;
}

export interface QuantileProfile extends ProfileBase {
  method: "quantiles";
  bins: number;
  ties: TieRule;
}

export type Profile = ThresholdProfile | QuantileProfile;

/** One thing wrong with a profile document, naming the field (a JSON path such as `thresholds.recency[2]`). */
export interface ProfileIssue {
  field: string;
  message: Localized;
}

/**
 * A raw cell value as any adapter may hand it over: Excel serials and numbers, text, JS Dates, booleans, empty
 * (null/undefined/""), or an Excel error (the text `#N/A` etc., or an object with an `error` or `code` text).
 */
export type Cell = unknown;

/** Why a row (or a sale) was not graded or deserves a note. */
export type IssueCode =
  | "dateMissing"
  | "dateInvalid"
  | "dateAfterAsOf"
  | "countMissing"
  | "countInvalid"
  | "countNotWhole"
  | "countNotPositive"
  | "totalMissing"
  | "totalInvalid"
  | "totalNotPositive"
  | "totalTooLarge"
  | "idMissing"
  | "errorValue"
  | "duplicateId"
  | "amountMissing"
  | "amountInvalid"
  | "saleDateMissing"
  | "saleDateInvalid"
  | "noSaleInWindow"
  | "severalValues"
  | "separatorUnclear"
  | "separatorsMixed";

export interface RowIssue {
  /** 0-based index of the input row (or sale) within the data handed to the engine. */
  index: number;
  /** Column role the problem is in. */
  role: Role;
  /**
   * The headers of the columns the note is about when no role reads them (columns carried with sales records): the
   * note names them itself, instead of `role`'s column.
   */
  columns?: string[];
  code: IssueCode;
  /** The offending value as text (for the message), if any. */
  value?: string;
  /** true when the row is still graded (e.g. a duplicate id); false when it is not graded. */
  graded: boolean;
}

/**
 * Values read by position: an array is one. A reader of very large files may keep them compactly instead (customer
 * ids as bytes) and make each value only when it is asked for.
 */
export interface ValueList<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/** Column-oriented customer-level input: entry i of every column is row i. */
export interface CustomerColumnsInput {
  ids?: ArrayLike<Cell>;
  lastDates: ArrayLike<Cell>;
  counts: ArrayLike<Cell>;
  totals: ArrayLike<Cell>;
}

/** Column-oriented transaction-level (sales records) input. */
export interface SalesColumnsInput {
  ids: ArrayLike<Cell>;
  dates: ArrayLike<Cell>;
  amounts: ArrayLike<Cell>;
  /**
   * The sales table's other columns (customer name, contact, region …), carried into the one row per customer
   * (RULES.md §7): each customer gets the values of its most recent sale inside the window. `header` names the column
   * in notes ("several values").
   */
  carried?: readonly { header: string; cells: ArrayLike<Cell> }[];
}

export interface GradeOptions {
  /** Analysis date, YYYY-MM-DD or a day number; falls back to the profile's asOf. Required if the profile has none. */
  asOf?: string | number;
  /** Sales window start (transactions only), YYYY-MM-DD or a day number; falls back to the profile's windowStart. */
  windowStart?: string | number;
  /** Unit of the amounts handed in; defaults to the profile's monetary unit. */
  unit?: MonetaryUnit;
  /** Excel date system of serial numbers in the input. */
  date1904?: boolean;
}

/** Counts per score 1..5 (index 0 unused, index s = customers with score s; length bins+1). */
type ScoreCounts = number[];

export interface GradeSummary {
  profileId: string;
  method: Profile["method"];
  /** YYYY-MM-DD */
  asOf: string;
  /** YYYY-MM-DD, transactions only */
  windowStart?: string;
  /** Unit the input amounts were read in. */
  unit: MonetaryUnit;
  kind: InputKind;
  /** Rows (customer-level) or customers (transaction-level) in the result. */
  rows: number;
  graded: number;
  notGraded: number;
  /** Count per grade letter, in the profile's grade order. */
  gradeCounts: { grade: string; count: number }[];
  scoreCounts: Record<Dimension, ScoreCounts>;
  /**
   * Transactions only: sales read, kept inside the window, outside the window, skipped as unreadable, and blank
   * sale rows skipped (0 when absent).
   */
  sales?: {
    read: number;
    kept: number;
    outsideWindow: number;
    skipped: number;
    blank?: number;
    /** Sales dated after the analysis date (part of outsideWindow; 0 when absent). */
    afterAsOf?: number;
  };
  /**
   * The latest date in the date column, YYYY-MM-DD, whatever else is wrong with its row (rows and sales after the
   * analysis date included); absent when the column holds no date.
   */
  latestDate?: string;
  /** Customer tables: rows blank in every column read, skipped (not counted in notGraded; 0 when absent). */
  blankRows?: number;
}
