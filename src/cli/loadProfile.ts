import { existsSync } from "fs";
import { BUILTIN_PROFILES, builtinProfile, parseProfile, ProfileError, type Profile } from "../engine";
import { readBytes } from "./readTable";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

/** `--profile`: a built-in profile id, or the path of a profile JSON document (spec §6) checked by the engine. */
export function loadProfile(spec: string): Profile {
  const builtin = builtinProfile(spec.trim().toLowerCase());
  if (builtin) return builtin;
  if (!spec.toLowerCase().endsWith(".json") && !existsSync(spec)) {
    throw new UsageError(USAGE_TEXTS.unknownProfile(spec, BUILTIN_PROFILES.map((p) => p.id)));
  }
  const text = readBytes(spec).toString("utf8").replace(/^\uFEFF/, "");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UsageError(USAGE_TEXTS.profileNotJson(spec, err instanceof Error ? err.message : String(err)));
  }
  try {
    return parseProfile(doc);
  } catch (err) {
    if (err instanceof ProfileError) throw new UsageError(USAGE_TEXTS.profileInvalid(spec, err.issues));
    throw err;
  }
}
