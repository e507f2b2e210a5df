/** The RFM engine: the only place the rules of RULES.md are implemented. */

export * from "./types";
export { BUILTIN_PROFILES, builtinProfile, parseProfile, profileName, ProfileError, validateProfile } from "./profiles";
export { dateTimeFromSerial, dayFromCivil, dayFromSerial, dayToSerial, formatDay, parseDateText, parseDay, todayDay } from "./dates";
export {
  chooseUnit, detectColumns, headerUnit, headerUnitInfo, nameColumn, normaliseHeader, notATable, REQUIRED_ROLES,
  type ColumnDetection, type Currency, type HeaderUnitInfo, type NotATable, type UnitChoice, type UnitSource,
} from "./headers";
export {
  repeatedCells, SALE_CARRIED, SALE_FIRST_KEPT, SALE_KEPT_AGAIN, SalesTally, sameValue, type CustomerTotals,
  type RepeatedCells, type SalesWindow,
} from "./aggregateSales";
export {
  carriedValue, gradeCustomers, GradeError, gradeSales, gradeSalesTotals, gradeCheckedCustomers, salesWindow,
  type CarriedColumns, type GradeErrorCode, type GradeResult, type CheckedCustomers,
} from "./grade";
export {
  cadenceText, formatIssue, gradeLetter, isGraded, issuesOfRow, noteText, scoreNumber, scoreText, type NoteContext,
} from "./present";
export {
  CUSTOMER_COLUMNS, customerHeaders, EVERY_RESULT_COLUMN, isOwnOutputHeader, LEADING_COLUMNS, outputHeaders, ownOutputBlock,
  RESULT_COLUMNS, resultCell, resultColumn, resultColumns, resultHeaders, resultPosition, resultSetting, resultText,
  SPILL_COLUMNS, type CustomerColumn, type CustomerColumnId, type ResultColumn, type ResultColumnId,
  type ResultColumnSpec, type ResultCondition, type ResultDependence, type ResultKind, type ResultRows,
  type ResultSetting, type ResultValue,
} from "./resultColumns";
export { columnIndex, columnLetters, DATE_FORMAT, EXTRA_GRADE_FILL, GRADE_FILLS, gradeFill } from "./sheetConventions";
export { cellError, cellNumber, doubtfulNumber, idText, isBlank, isDoubtfulNumber, type DoubtfulNumber } from "./cells";
export { formatUnits } from "./decimal";
export { NOTE_SEPARATOR, punctuation, ROLE_NAMES } from "./messages";
export { JSON_FIELD, parseProfileJson, profileToJson, type ProfileJsonResult } from "./profileJson";
export { DEFAULT_LANG, fallbackChain, langFromTag, langOfTag, LANGS, LANGUAGES, localeOf } from "./language";
export { profileText } from "./profileText";
export { allLangs, fill, localizedView, type LocalizedView } from "../i18n/message";
export { displayDateForm, formatDisplayDate, parseDisplayDate, type DateOrder, type DisplayDateForm } from "./displayDates";
export {
  analysisDateWarning, AS_OF_GAP_DAYS, dataPastAnalysisDate, proposedAnalysisDate, type AnalysisDateChoice,
  type AnalysisDateSource, type AnalysisDateWarning, type DataPastAnalysisDate,
} from "./analysisDate";
export { dateColumnDays, daysAfter, type DateColumnDays } from "./dateColumnDays";
export { nothingToGrade, nothingToGradeText, type NothingToGrade } from "./nothingToGrade";
export { compactMoney, compactMoneyColumn, type MoneyDisplay } from "./compactMoney";
export { countNumber, countText, pluralFor, rowRangeText, type CountNoun, type PluralForms } from "./countWords";
export { addPeriod, hasContactPeriods, MAX_PERIOD, nextContactDay, periodText } from "./periods";
export { gradeShares, largestRemainderShares, shareText, SHARE_UNITS, type GradeShareRow, type GradeShares, type Share } from "./gradeShares";
export {
  changeText, CHANGE_TEXTS, compareGradings, movementText, type GradeChange, type GradeMigration, type MovedDown,
  type PreviousGrading,
} from "./migration";
export { rfMap, type RfMap } from "./rfMap";
export {
  centPlaces, NOT_REACHABLE_TEXT, nextGradeOrder, nextGradeOrders, nextGradeSummary, type NextGradeOrder, type NextGradeOrders,
  type NextGradeRow,
} from "./nextGrade";
export {
  gradeHistory, periodEnds, periodOf, type GradeHistory, type HistoryOptions, type HistoryStep, type HistoryTransition,
} from "./gradeHistory";
export {
  historyCustomers, historyGrades, historyHeaders, historySummaryLayout, periodLabel, transitionTable,
  type HistoryFacts, type HistorySummaryLayout, type TransitionTable,
} from "./historySheets";
export { integerProfile, type IntegerProfile } from "./compile/integerProfile";
export { compileSql, SQL_DIALECTS, SQL_RESULT_COLUMNS, type SqlDialect, type SqlOptions } from "./compile/sql";
export { CompileError, type CompileErrorCode } from "./compile/compileTexts";
export {
  amountFormat, buildSummaryModel, gradedAtText, profileRules, SHARE_FORMAT, SUMMARY_ROW_LIMIT, summaryLayout,
  type NotGradedEntry, type SheetArea, type SummaryCell, type SummaryFacts, type SummaryLayout, type SummaryModel,
  type UnitSourceFact,
} from "./summarySheet";
export { historyLabels, SUMMARY_TITLES, summaryLabels, unitLabel, type HistoryLabels, type SummaryLabels } from "./summaryText";
