/*
 * The RFM custom functions. Their ids, parameter names and order are a contract: workbooks keep these formulas for
 * years (test/functions/expected-functions.json guards it). Only JSDoc-tagged functions live here, because the
 * metadata plugin registers the functions of this file only; the work is done by the engine, via formulaGrading.
 */
import { profileName, resultColumn, SPILL_COLUMNS } from "../engine";
import { asFormulaError, spillPerCustomer, type GradingArguments } from "./formulaGrading";
import { uiLanguage } from "./officeHost";
import { availableProfiles } from "./profileSource";
import { salesSpill } from "./salesGrading";

function gradingArguments(
  last_order_date: unknown,
  purchases: unknown,
  amount: unknown,
  profile: unknown,
  as_of: unknown,
  unit: unknown,
  invocation: CustomFunctions.Invocation | undefined,
): GradingArguments {
  return {
    lastOrderDate: last_order_date,
    purchases,
    amount,
    profile,
    asOf: as_of,
    unit,
    dateAddress: invocation?.parameterAddresses?.[0],
  };
}

/**
 * Customer grade (A, B, C...) from the last order date, purchase count and total amount. Give single cells, or whole columns of equal height to get one grade per row.
 * @customfunction GRADE
 * @requiresParameterAddresses
 * @param last_order_date Date of the customer's last order: one cell or a column (dates, serial numbers, or text such as 2025-07-01).
 * @param purchases Total number of purchases (a whole number, at least 1): one cell or a column as tall as last_order_date.
 * @param amount Total purchase amount: one cell or a column as tall as last_order_date; in the profile's unit (Shaoxing: 10,000 yuan) unless unit says otherwise.
 * @param [profile] Grading profile id: "shaoxing" (default, fixed thresholds), "wuhan" (quintiles), or a profile saved in the workbook.
 * @param [as_of] Analysis date (a date or date text). Omitted: the profile's default; Shaoxing has none, so give one.
 * @param [unit] Unit of the amounts: "yuan" or "wan" (10,000 yuan). Omitted: the profile's unit.
 * @returns The grade of each customer.
 */
export async function grade(
  last_order_date: unknown[][],
  purchases: unknown[][],
  amount: unknown[][],
  profile?: string,
  as_of?: unknown,
  unit?: string,
  invocation?: CustomFunctions.Invocation,
): Promise<unknown[][]> {
  const args = gradingArguments(last_order_date, purchases, amount, profile, as_of, unit, invocation);
  return spillPerCustomer(args, [resultColumn("grade")]);
}

/**
 * Composite RFM score (an exact decimal such as 3.25) from the last order date, purchase count and total amount. Give single cells, or whole columns of equal height to get one score per row.
 * @customfunction SCORE
 * @requiresParameterAddresses
 * @param last_order_date Date of the customer's last order: one cell or a column (dates, serial numbers, or text such as 2025-07-01).
 * @param purchases Total number of purchases (a whole number, at least 1): one cell or a column as tall as last_order_date.
 * @param amount Total purchase amount: one cell or a column as tall as last_order_date; in the profile's unit (Shaoxing: 10,000 yuan) unless unit says otherwise.
 * @param [profile] Grading profile id: "shaoxing" (default, fixed thresholds), "wuhan" (quintiles), or a profile saved in the workbook.
 * @param [as_of] Analysis date (a date or date text). Omitted: the profile's default; Shaoxing has none, so give one.
 * @param [unit] Unit of the amounts: "yuan" or "wan" (10,000 yuan). Omitted: the profile's unit.
 * @returns The composite score of each customer.
 */
export async function score(
  last_order_date: unknown[][],
  purchases: unknown[][],
  amount: unknown[][],
  profile?: string,
  as_of?: unknown,
  unit?: string,
  invocation?: CustomFunctions.Invocation,
): Promise<unknown[][]> {
  const args = gradingArguments(last_order_date, purchases, amount, profile, as_of, unit, invocation);
  return spillPerCustomer(args, [resultColumn("score")]);
}

/**
 * Suggested contact cadence for each customer's grade, in the language of Office. Give single cells, or whole columns of equal height to get one cadence per row.
 * @customfunction CADENCE
 * @requiresParameterAddresses
 * @param last_order_date Date of the customer's last order: one cell or a column (dates, serial numbers, or text such as 2025-07-01).
 * @param purchases Total number of purchases (a whole number, at least 1): one cell or a column as tall as last_order_date.
 * @param amount Total purchase amount: one cell or a column as tall as last_order_date; in the profile's unit (Shaoxing: 10,000 yuan) unless unit says otherwise.
 * @param [profile] Grading profile id: "shaoxing" (default, fixed thresholds), "wuhan" (quintiles), or a profile saved in the workbook.
 * @param [as_of] Analysis date (a date or date text). Omitted: the profile's default; Shaoxing has none, so give one.
 * @param [unit] Unit of the amounts: "yuan" or "wan" (10,000 yuan). Omitted: the profile's unit.
 * @returns The contact cadence of each customer.
 */
export async function cadence(
  last_order_date: unknown[][],
  purchases: unknown[][],
  amount: unknown[][],
  profile?: string,
  as_of?: unknown,
  unit?: string,
  invocation?: CustomFunctions.Invocation,
): Promise<unknown[][]> {
  const args = gradingArguments(last_order_date, purchases, amount, profile, as_of, unit, invocation);
  return spillPerCustomer(args, [resultColumn("cadence")]);
}

/**
 * One row per customer with seven columns: R score, F score, M score, composite score, grade, contact cadence, next grade with one order of (spills).
 * @customfunction SCORES
 * @requiresParameterAddresses
 * @param last_order_date Date of the customer's last order: one cell or a column (dates, serial numbers, or text such as 2025-07-01).
 * @param purchases Total number of purchases (a whole number, at least 1): one cell or a column as tall as last_order_date.
 * @param amount Total purchase amount: one cell or a column as tall as last_order_date; in the profile's unit (Shaoxing: 10,000 yuan) unless unit says otherwise.
 * @param [profile] Grading profile id: "shaoxing" (default, fixed thresholds), "wuhan" (quintiles), or a profile saved in the workbook.
 * @param [as_of] Analysis date (a date or date text). Omitted: the profile's default; Shaoxing has none, so give one.
 * @param [unit] Unit of the amounts: "yuan" or "wan" (10,000 yuan). Omitted: the profile's unit.
 * @returns R, F, M, score, grade, cadence and next-grade order of each customer.
 */
export async function scores(
  last_order_date: unknown[][],
  purchases: unknown[][],
  amount: unknown[][],
  profile?: string,
  as_of?: unknown,
  unit?: string,
  invocation?: CustomFunctions.Invocation,
): Promise<unknown[][]> {
  const args = gradingArguments(last_order_date, purchases, amount, profile, as_of, unit, invocation);
  // The engine's spill columns, in their frozen order (a new one is added at the end).
  return spillPerCustomer(args, SPILL_COLUMNS);
}

/**
 * Grades customers from sales records: one row per customer (in order of first appearance) with customer, last order date, purchases, amount, R, F, M, composite score, grade, cadence and next grade with one order of (spills); sales that cannot be read follow, each with its reason.
 * @customfunction SALES
 * @requiresParameterAddresses
 * @param customer Customer of each sale: a column (a header cell at the top is recognised; whole columns such as A:A work).
 * @param order_date Date of each sale: a column as tall as customer (dates, serial numbers, or text such as 2025-07-01).
 * @param amount Amount of each sale: a column as tall as customer; refunds are negative amounts. In yuan for the Wuhan profile unless unit says otherwise.
 * @param [profile] Grading profile id: "wuhan" (default, quintiles), "shaoxing" (fixed thresholds), or a profile saved in the workbook.
 * @param [as_of] Analysis date (a date or date text); sales after it are not counted. Omitted: the profile's default (Wuhan: 2025-07-01).
 * @param [window_start] First day of sales counted (a date or date text). Omitted: the profile's default (Wuhan: 2021-09-01).
 * @param [unit] Unit of the amounts: "yuan" or "wan" (10,000 yuan). Omitted: the profile's unit.
 * @param [headers] TRUE to add a row of column titles (in the language of Office) above the results.
 * @returns One row per customer; sales that cannot be read follow, each with its reason.
 */
export async function sales(
  customer: unknown[][],
  order_date: unknown[][],
  amount: unknown[][],
  profile?: string,
  as_of?: unknown,
  window_start?: unknown,
  unit?: string,
  headers?: boolean,
  invocation?: CustomFunctions.Invocation,
): Promise<unknown[][]> {
  return salesSpill({
    customer,
    orderDate: order_date,
    amount,
    profile,
    asOf: as_of,
    windowStart: window_start,
    unit,
    headers,
    customerAddress: invocation?.parameterAddresses?.[0],
  });
}

/**
 * The grading profiles available (built-in and saved in the workbook): one row each with its id and name (spills).
 * @customfunction PROFILES
 * @returns Profile ids and names.
 */
export async function profiles(): Promise<string[][]> {
  const lang = uiLanguage();
  try {
    return (await availableProfiles()).map((p) => [p.id, profileName(p, lang)]);
  } catch (err) {
    throw asFormulaError(err, lang);
  }
}
