import { CLI_TEXTS } from "../i18n/cli";
import { BUILTIN_PROFILES, profileName, type Lang } from "../engine";

/** `rfm profiles`: the built-in profiles, one line each, with their default dates. */
export function profilesText(lang: Lang): string {
  const t = CLI_TEXTS[lang].profiles;
  return BUILTIN_PROFILES.map((p) => {
    const defaults = p.asOf
      ? `${t.asOf} ${p.asOf}` + (p.windowStart ? `, ${t.windowStart} ${p.windowStart}` : "")
      : t.none;
    return `${p.id.padEnd(10)} ${profileName(p, lang)} — ${defaults}\n`;
  }).join("");
}
