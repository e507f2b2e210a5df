/** The product's languages, for every face that imports the engine (the registry is src/i18n/languages.ts). */
export { DEFAULT_LANG, fallbackChain, langFromTag, langOfTag, LANGS, LANGUAGES, localeOf } from "../i18n/languages";
