import { isUtf8 } from "buffer";
import type { Localized } from "../engine";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

/**
 * The first step of reading a CSV: the file's bytes as UTF-8, whatever Excel saved them in. Chinese Excel's "CSV
 * (逗号分隔)" is GBK (code page 936), its "Unicode text" UTF-16LE with a byte-order mark and tabs between cells, "CSV
 * UTF-8" UTF-8 with a byte-order mark. UTF-8 input is handed on as it is (a view of the file's bytes, no copy); only
 * other encodings are transcoded. The parser then reads UTF-8 bytes with the delimiter found here.
 */

export type InputEncoding = "utf8" | "utf16le" | "utf16be" | "gb18030" | "big5";
export type Delimiter = "," | "\t" | ";" | "|";

export interface DecodedInput {
  /** The text as UTF-8 bytes, without a byte-order mark. */
  bytes: Buffer;
  encoding: InputEncoding;
  /** True when the file began with a byte-order mark. */
  bom: boolean;
  /** True when the encoding was found by looking at the bytes, false when --encoding named it. */
  detected: boolean;
  delimiter: Delimiter;
}

/** `--encoding` names, as people and Excel's "Save as" dialog write them. */
const ENCODING_NAMES: Record<string, InputEncoding> = {
  "utf8": "utf8", "utf-8": "utf8", "utf8bom": "utf8", "utf-8-bom": "utf8",
  "utf16le": "utf16le", "utf-16le": "utf16le", "utf16": "utf16le", "utf-16": "utf16le", "unicode": "utf16le",
  "ucs2": "utf16le", "ucs-2": "utf16le",
  "utf16be": "utf16be", "utf-16be": "utf16be",
  "gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "936": "gb18030",
  "big5": "big5", "cp950": "big5",
};

export const ENCODING_CHOICES = ["utf8", "utf16le", "utf16be", "gb18030", "gbk", "big5"] as const;

/** The encoding an `--encoding` value names, or null when it names none this command reads. */
export function encodingOf(name: string): InputEncoding | null {
  return ENCODING_NAMES[name.trim().toLowerCase().replace(/_/g, "-")] ?? null;
}

/** How the summary names an encoding and a delimiter. */
export const ENCODING_LABELS: Record<InputEncoding, string> = {
  utf8: "UTF-8",
  utf16le: "UTF-16LE",
  utf16be: "UTF-16BE",
  gb18030: "GB18030/GBK",
  big5: "Big5",
};

export const DELIMITER_NAMES: Record<Delimiter, Localized> = {
  ",": { en: "comma", zh: "逗号" },
  "\t": { en: "tab", zh: "制表符" },
  ";": { en: "semicolon", zh: "分号" },
  "|": { en: "vertical bar", zh: "竖线" },
};

const DECODER_LABELS: Record<Exclude<InputEncoding, "utf8">, string> = {
  utf16le: "utf-16le",
  utf16be: "utf-16be",
  gb18030: "gb18030",
  big5: "big5",
};

export function decodeInput(path: string, raw: Buffer, forced?: InputEncoding): DecodedInput {
  const { encoding, bom, detected } = forced
    ? { encoding: forced, bom: hasBom(raw, forced), detected: false }
    : detectEncoding(raw);
  const body = raw.subarray(bom ? (encoding === "utf8" ? 3 : 2) : 0);
  let bytes: Buffer;
  if (encoding === "utf8") {
    if (!isUtf8(body)) throw new UsageError(USAGE_TEXTS.notInEncoding(path, ENCODING_LABELS.utf8));
    bytes = body;
  } else {
    let text: string;
    try {
      // The file's own byte-order mark is already cut off; one more is text, as in Python's csv.
      text = new TextDecoder(DECODER_LABELS[encoding], { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      throw new UsageError(
        detected ? USAGE_TEXTS.unknownEncoding(path) : USAGE_TEXTS.notInEncoding(path, ENCODING_LABELS[encoding]),
      );
    }
    bytes = Buffer.from(text, "utf8");
  }
  return { bytes, encoding, bom, detected, delimiter: detectDelimiter(bytes) };
}

function hasBom(raw: Buffer, encoding: InputEncoding): boolean {
  if (encoding === "utf8") return raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  if (encoding === "utf16le") return raw[0] === 0xff && raw[1] === 0xfe;
  if (encoding === "utf16be") return raw[0] === 0xfe && raw[1] === 0xff;
  return false;
}

/**
 * A byte-order mark decides; without one, text with a zero byte beside most ASCII characters is UTF-16, bytes that
 * are valid UTF-8 are UTF-8 (plain ASCII included), and anything else is taken for GB18030, the superset of the GBK
 * that Chinese Windows writes.
 */
function detectEncoding(raw: Buffer): { encoding: InputEncoding; bom: boolean; detected: true } {
  for (const encoding of ["utf8", "utf16le", "utf16be"] as const) {
    if (hasBom(raw, encoding)) return { encoding, bom: true, detected: true };
  }
  // Zero bytes are valid UTF-8 but never stand in a text file: look for UTF-16 first.
  const sixteen = utf16WithoutBom(raw);
  if (sixteen) return { encoding: sixteen, bom: false, detected: true };
  if (isUtf8(raw)) return { encoding: "utf8", bom: false, detected: true };
  return { encoding: "gb18030", bom: false, detected: true };
}

/** UTF-16 without a byte-order mark: in its first kilobytes, most even (LE) or odd (BE) bytes are zero. */
function utf16WithoutBom(raw: Buffer): "utf16le" | "utf16be" | null {
  const n = Math.min(raw.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroOdd = 0, zeroEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (raw[i] === 0) zeroEven++;
    if (raw[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return "utf16le";
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return "utf16be";
  return null;
}

const CANDIDATES: readonly Delimiter[] = [",", "\t", ";", "|"];
const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_LINES = 20;

/**
 * The delimiter of the first records: the candidate that splits the header and the records below it into the same
 * number of cells (more than one), counting only outside quotes; among several, the one that gives the most cells; a
 * comma when nothing splits. A tab-separated file with commas in its amounts ("1,200") thus stays tab-separated.
 * Records are split as the reader splits them (a quoted cell may hold line breaks and delimiters).
 */
export function detectDelimiter(bytes: Buffer): Delimiter {
  const cut = bytes.length > SAMPLE_BYTES;
  const text = bytes.subarray(0, SAMPLE_BYTES).toString("utf8");
  let best: Delimiter = ",", bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = delimiterCounts(text, d, cut);
    if (counts.length === 0) continue;
    const header = counts[0];
    if (header === 0) continue;
    const consistent = counts.filter((c) => c === header).length;
    // Records that agree with the header count most; the number of cells breaks ties.
    const score = consistent * 1000 + Math.min(header, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Delimiters outside quotes in each of the first non-blank records, split with `d` as the reader would (a quote opens
 * a quoted cell only at the start of a cell). The last record of a sample cut from a larger file is left out.
 */
function delimiterCounts(text: string, d: string, cut: boolean): number[] {
  const counts: number[] = [];
  let count = 0, blank = true, quoted = false, cellStart = true;
  const end = (): void => {
    if (!blank) counts.push(count);
    count = 0;
    blank = true;
    cellStart = true;
  };
  for (let i = 0; i < text.length && counts.length <= SAMPLE_LINES; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      end();
      continue;
    }
    if (c !== " " && c !== "\t") blank = false;
    if (c === d) {
      count++;
      blank = false;
      cellStart = true;
      continue;
    }
    if (c === '"' && cellStart) quoted = true;
    cellStart = false;
  }
  if (!cut || counts.length === 0) end();
  return counts.slice(0, SAMPLE_LINES);
}

/**
 * A profile file's text: UTF-8, with or without a byte-order mark. Anything else (GBK, UTF-16) would read as
 * garbled cadences, so it is refused with a line that says how to save it.
 */
export function profileText(path: string, raw: Buffer): string {
  const utf16 = hasBom(raw, "utf16le") || hasBom(raw, "utf16be");
  const body = hasBom(raw, "utf8") ? raw.subarray(3) : raw;
  if (utf16 || !isUtf8(body)) throw new UsageError(USAGE_TEXTS.profileNotUtf8(path));
  return body.toString("utf8");
}
