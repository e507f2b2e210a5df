import type { Lang } from "./types";

/**
 * The product's language for a BCP 47 tag such as Office's display language ("zh-CN", "zh-TW", "en-US", "de-DE"):
 * every Chinese tag reads Chinese, anything else English.
 */
export function langFromTag(tag: unknown): Lang {
  return typeof tag === "string" && /^zh\b/i.test(tag.trim()) ? "zh" : "en";
}
