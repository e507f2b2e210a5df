import { BUILTIN_PROFILES, profileName, type Lang } from "../engine";

const DEFAULTS = {
  asOf: { en: "default as-of", zh: "默认统计日期" },
  windowStart: { en: "window start", zh: "统计期间起始" },
  none: { en: "no default analysis date (give --as-of)", zh: "无默认统计日期（需指定 --as-of）" },
};

/** `rfm profiles`: the built-in profiles, one line each, with their default dates. */
export function profilesText(lang: Lang): string {
  return BUILTIN_PROFILES.map((p) => {
    const defaults = p.asOf
      ? `${DEFAULTS.asOf[lang]} ${p.asOf}` + (p.windowStart ? `, ${DEFAULTS.windowStart[lang]} ${p.windowStart}` : "")
      : DEFAULTS.none[lang];
    return `${p.id.padEnd(10)} ${profileName(p, lang)} — ${defaults}\n`;
  }).join("");
}
