/**
 * The result card's line on the next-grade order (RULES.md §12): how many customers below the top grade one order
 * would lift, the orders' exact total, and how many no single order lifts. Each customer's amount is in the results'
 * "Next grade with one order of" column; the figures come from the engine's per-grade sums.
 */
import { Text } from "@fluentui/react-components";
import {
  centPlaces,
  localeOf,
  nextGradeSummary,
  punctuation,
  unitLabel,
  type GradeResult,
  type Lang,
} from "../../engine";
import { t } from "../i18n";

export function NextGradeLine({ lang, result }: { lang: Lang; result: GradeResult }) {
  const rows = nextGradeSummary(result);
  if (rows.length === 0) return null;
  const below = rows.reduce((s, r) => s + r.customers, 0);
  const reachable = rows.reduce((s, r) => s + r.reachable, 0);
  const notReachable = rows.reduce((s, r) => s + r.notReachable, 0);
  const locale = localeOf(lang);
  const places = centPlaces(result.summary.unit);
  const total = sumDecimalTexts(
    rows.map((r) => r.amount),
    places,
  );
  const amount = `${formatDecimalText(total, places, locale)} ${unitLabel(result.summary.unit, lang)}`;
  const top = result.profile.grades[0].grade;
  return (
    <Text as="p" block size={200} data-testid="next-grade">
      {t(lang, "nextGradeLine", { reachable, below, top, amount })}
      {notReachable > 0 &&
        `${punctuation(lang).sentenceGap}${t(lang, "nextGradeNotReachable", { count: notReachable })}`}
      {`${punctuation(lang).sentenceGap}${t(lang, "nextGradeWhere")}`}
    </Text>
  );
}

/** An exact decimal text ("20000.02") with the locale's thousands separators and exactly `places` decimals. */
function formatDecimalText(text: string, places: number, locale: string): string {
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const grouped = BigInt(whole).toLocaleString(locale);
  const decimals = places > 0 ? "." + fraction.padEnd(places, "0").slice(0, places) : "";
  return (negative ? "-" : "") + grouped + decimals;
}

/** The exact sum of decimal texts of at most `places` decimals, as a decimal text of `places` decimals. */
function sumDecimalTexts(texts: readonly string[], places: number): string {
  let sum = 0n;
  for (const text of texts) {
    const negative = text.startsWith("-");
    const [whole, fraction = ""] = (negative ? text.slice(1) : text).split(".");
    const units = BigInt(whole + fraction.padEnd(places, "0"));
    sum += negative ? -units : units;
  }
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(places + 1, "0");
  const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative ? `-${text}` : text;
}
