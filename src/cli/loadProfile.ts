import { existsSync } from "fs";
import { BUILTIN_PROFILES, builtinProfile, JSON_FIELD, parseProfileJson, type Profile } from "../engine";
import { profileText } from "./decodeInput";
import { readBytes } from "./readTable";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

/** `--profile`: a built-in profile id, or the path of a profile JSON document (RULES.md §11) checked by the engine. */
export function loadProfile(spec: string): Profile {
  const builtin = builtinProfile(spec.trim().toLowerCase());
  if (builtin) return builtin;
  if (!spec.toLowerCase().endsWith(".json") && !existsSync(spec)) {
    throw new UsageError(
      USAGE_TEXTS.unknownProfile(
        spec,
        BUILTIN_PROFILES.map((p) => p.id),
      ),
    );
  }
  // The engine's reader is the one the add-in's import uses: a syntax error names its line and column.
  const read = parseProfileJson(profileText(spec, readBytes(spec)));
  if ("profile" in read) return read.profile;
  const syntax = read.issues.find((issue) => issue.field === JSON_FIELD);
  throw new UsageError(
    syntax ? USAGE_TEXTS.profileNotJson(spec, syntax.message) : USAGE_TEXTS.profileInvalid(spec, read.issues),
  );
}
