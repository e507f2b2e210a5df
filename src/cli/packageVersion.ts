import { readFileSync } from "fs";
import { resolve } from "path";

/** The package's version, read from package.json next to dist/ (the command is never moved without it). */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(resolve(__dirname, "../../../package.json"), "utf8")) as { version: string })
      .version;
  } catch {
    return "unknown";
  }
}
