/** The product's languages, for every face that imports the engine (the registry is src/i18n/languages.ts). */
export { DEFAULT_LANG, langFromTag, langOfTag, LANGS, localeOf } from "../i18n/languages";
