/** The summary sheet's labels live in the engine, shared with the command line's summary sheet. */
export { SUMMARY_TITLES, summaryLabels } from "../engine/summaryText";
