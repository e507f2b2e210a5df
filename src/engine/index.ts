/** The RFM engine: the only place the rules of RULES.md are implemented. */

export * from "./types";
export { BUILTIN_PROFILES, builtinProfile, parseProfile, profileName, ProfileError, validateProfile } from "./profiles";
export { dateTimeFromSerial, dayFromCivil, dayToSerial, formatDay, parseDateText, parseDay, todayDay } from "./dates";
export {
  chooseUnit,
  detectColumns,
  headerUnit,
  headerUnitInfo,
  nameColumn,
  normaliseHeader,
  notATable,
  REQUIRED_ROLES,
  type ColumnDetection,
  type NotATable,
  type UnitChoice,
} from "./headers";
export {
  repeatedCells,
  SALE_CARRIED,
  SALE_FIRST_KEPT,
  SALE_KEPT_AGAIN,
  SalesTally,
  sameValue,
  type CustomerTotals,
  type RepeatedCells,
  type SalesWindow,
} from "./aggregateSales";
export { mergeTotals } from "./mergeTotals";
export { MoneySums, type MoneyParts } from "./moneySums";
export {
  carriedValue,
  gradeCustomers,
  GradeError,
  gradeSales,
  gradeSalesTotals,
  gradeCheckedCustomers,
  salesWindow,
  type GradeResult,
  type CheckedCustomers,
} from "./grade";
export {
  cadenceText,
  formatIssue,
  gradeLetter,
  isGraded,
  issuesOfRow,
  noteText,
  scoreNumber,
  scoreText,
  type NoteContext,
} from "./present";
export {
  CUSTOMER_COLUMNS,
  customerHeaders,
  EVERY_RESULT_COLUMN,
  isOwnOutputHeader,
  LEADING_COLUMNS,
  outputHeaders,
  ownOutputBlock,
  RESULT_COLUMNS,
  resultCell,
  resultColumn,
  resultColumns,
  resultHeaders,
  resultPosition,
  resultSetting,
  resultText,
  SPILL_COLUMNS,
  type CustomerColumnId,
  type ResultColumn,
  type ResultDependence,
  type ResultRows,
  type ResultSetting,
} from "./resultColumns";
export { columnIndex, columnLetters, DATE_FORMAT, EXTRA_GRADE_FILL, GRADE_FILLS, gradeFill } from "./sheetConventions";
export { cellError, cellNumber, doubtfulNumber, idText, isBlank, isDoubtfulNumber } from "./cells";
export { punctuation } from "./messages";
export { JSON_FIELD, parseProfileJson, profileToJson } from "./profileJson";
export { DEFAULT_LANG, langFromTag, langOfTag, LANGS, localeOf } from "./language";
export { allLangs, localizedView } from "../i18n/message";
export { displayDateForm, formatDisplayDate, parseDisplayDate, type DisplayDateForm } from "./displayDates";
export {
  analysisDateWarning,
  dataPastAnalysisDate,
  proposedAnalysisDate,
  type AnalysisDateChoice,
  type AnalysisDateWarning,
  type DataPastAnalysisDate,
} from "./analysisDate";
export { dateColumnDays, daysAfter, type DateColumnDays } from "./dateColumnDays";
export { nothingToGrade, nothingToGradeText } from "./nothingToGrade";
export { compactMoney, compactMoneyColumn } from "./compactMoney";
export { countNumber, countText, pluralFor, rowRangeText } from "./countWords";
export { addPeriod, hasContactPeriods, nextContactDay, periodText } from "./periods";
export { gradeShares, largestRemainderShares, shareText, type GradeShares } from "./gradeShares";
export { changeText, compareGradings, movementText, type GradeMigration, type PreviousGrading } from "./migration";
export { rfMap, type RfMap } from "./rfMap";
export {
  centPlaces,
  NOT_REACHABLE_TEXT,
  nextGradeOrder,
  nextGradeOrders,
  nextGradeOrdersOf,
  nextGradeSummary,
  type NextGradeOrders,
} from "./nextGrade";
export { gradeHistory, periodEnds, type GradeHistory, type HistoryStep } from "./gradeHistory";
export {
  historyCustomers,
  historyGrades,
  historyHeaders,
  historySummaryLayout,
  periodLabel,
  transitionTable,
  type HistoryFacts,
  type HistorySummaryLayout,
} from "./historySheets";
export { integerProfile } from "./compile/integerProfile";
export { compileSql, SQL_DIALECTS, SQL_RESULT_COLUMNS } from "./compile/sql";
export { CompileError } from "./compile/compileTexts";
export {
  buildSummaryModel,
  gradedAtText,
  summaryLayout,
  type SheetArea,
  type SummaryLayout,
  type SummaryModel,
  type UnitSourceFact,
} from "./summarySheet";
export { historyLabels, summaryLabels, unitLabel } from "./summaryText";
