import { isUtf8 } from "buffer";
import { TextDecoder } from "util";
import { CLI_TEXTS } from "../i18n/cli";
import { localizedView, type Localized } from "../engine";
import { knownHeaders, legacyEncoding } from "./csv/legacyEncoding";
import type { EncodingEvidence } from "./encodingEvidence";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

/**
 * The first step of reading a CSV: the file's bytes as UTF-8, whatever Excel saved them in. Chinese Excel's "CSV
 * (逗号分隔)" is GBK (code page 936), Traditional-Chinese Excel's Big5 (code page 950), Western Excel's Windows-1252;
 * "Unicode text" is UTF-16LE with a byte-order mark and tabs between cells, "CSV UTF-8" UTF-8 with a byte-order mark.
 * UTF-8 input is handed on as it is (a view of the file's bytes, no copy); only other encodings are transcoded. The
 * parser then reads UTF-8 bytes with the delimiter found here. An encoding is told by a byte-order mark, by being
 * valid UTF-8, by UTF-16's zero bytes, or by the statistics and headers of legacyEncoding; when none tells, the file
 * is refused with the likely encodings named, never read in a guessed one.
 */

export type InputEncoding = "utf8" | "utf16le" | "utf16be" | "gb18030" | "big5" | "windows1252";
export type Delimiter = "," | "\t" | ";" | "|";
export type { EncodingEvidence };

export interface DecodedInput {
  /** The text as UTF-8 bytes, without a byte-order mark. */
  bytes: Buffer;
  encoding: InputEncoding;
  /** True when the file began with a byte-order mark. */
  bom: boolean;
  evidence: EncodingEvidence;
  delimiter: Delimiter;
}

/** `--encoding` names, as people and Excel's "Save as" dialog write them. */
const ENCODING_NAMES: Record<string, InputEncoding> = {
  utf8: "utf8",
  "utf-8": "utf8",
  utf8bom: "utf8",
  "utf-8-bom": "utf8",
  utf16le: "utf16le",
  "utf-16le": "utf16le",
  utf16: "utf16le",
  "utf-16": "utf16le",
  unicode: "utf16le",
  ucs2: "utf16le",
  "ucs-2": "utf16le",
  utf16be: "utf16be",
  "utf-16be": "utf16be",
  gb18030: "gb18030",
  gbk: "gb18030",
  gb2312: "gb18030",
  cp936: "gb18030",
  "936": "gb18030",
  big5: "big5",
  cp950: "big5",
  "950": "big5",
  "windows-1252": "windows1252",
  windows1252: "windows1252",
  cp1252: "windows1252",
  "1252": "windows1252",
  latin1: "windows1252",
  "latin-1": "windows1252",
  "iso-8859-1": "windows1252",
  "iso8859-1": "windows1252",
};

export const ENCODING_CHOICES = ["utf8", "utf16le", "utf16be", "gb18030", "gbk", "big5", "windows-1252"] as const;

/** The encoding an `--encoding` value names, or null when it names none this command reads. */
export function encodingOf(name: string): InputEncoding | null {
  return ENCODING_NAMES[name.trim().toLowerCase().replace(/_/g, "-")] ?? null;
}

/** How the summary and messages name an encoding. */
export const ENCODING_LABELS: Record<InputEncoding, string> = {
  utf8: "UTF-8",
  utf16le: "UTF-16LE",
  utf16be: "UTF-16BE",
  gb18030: "GB18030/GBK",
  big5: "Big5",
  windows1252: "Windows-1252",
};

/** The `--encoding` value that names each encoding, as messages suggest it. */
const ENCODING_FLAGS: Record<InputEncoding, string> = {
  utf8: "utf8",
  utf16le: "utf16le",
  utf16be: "utf16be",
  gb18030: "gb18030",
  big5: "big5",
  windows1252: "windows-1252",
};

export const DELIMITER_NAMES: Readonly<Record<Delimiter, Localized>> = localizedView(CLI_TEXTS, (t) => t.delimiters);

const DECODER_LABELS: Record<Exclude<InputEncoding, "utf8">, string> = {
  utf16le: "utf-16le",
  utf16be: "utf-16be",
  gb18030: "gb18030",
  big5: "big5",
  windows1252: "windows-1252",
};

const BOM_ENCODINGS = ["utf8", "utf16le", "utf16be"] as const;

export function decodeInput(path: string, raw: Buffer, forced?: InputEncoding): DecodedInput {
  const found = findEncoding(path, raw, forced);
  const bytes = decoded(raw, found.encoding, found.bom);
  if (bytes === null) throw undecodable(path, raw, found.encoding, forced);
  return {
    bytes,
    encoding: found.encoding,
    bom: found.bom,
    evidence: found.evidence,
    delimiter: textDelimiter(path, raw, bytes, forced),
  };
}

/**
 * The encoding of a file, as decodeInput finds it: `--encoding` when given, else detected. `raw` may be only the
 * first bytes of a file too large to read at once; `wholeIsUtf8` then tells whether the whole file is valid UTF-8 as
 * far as the reader knows (it checks each block as it reads, and asks again when one is not).
 */
export function findEncoding(
  path: string,
  raw: Buffer,
  forced?: InputEncoding,
  wholeIsUtf8 = (): boolean => isUtf8(raw),
): Found {
  return forced ? forcedEncoding(path, raw, forced) : detectEncoding(path, raw, wholeIsUtf8);
}

/** The refusal of a file whose bytes are not valid in the encoding found (`forced`: named by --encoding). */
export function undecodable(path: string, raw: Buffer, encoding: InputEncoding, forced?: InputEncoding): UsageError {
  if (!forced) return new UsageError(USAGE_TEXTS.unknownEncoding(path));
  return new UsageError(USAGE_TEXTS.notInEncoding(path, ENCODING_LABELS[encoding], likelyLabel(raw)));
}

/**
 * The delimiter of the text decoded from `raw` (its first bytes suffice), after refusing a named encoding in which no
 * header is known while another encoding reads the file as a table.
 */
export function textDelimiter(path: string, raw: Buffer, bytes: Buffer, forced?: InputEncoding): Delimiter {
  if (forced && !readsAsTable(bytes)) {
    // Valid in the encoding named, yet no header is known in it: if the file reads as a table in another, say so.
    const likely = likelyEncoding(raw);
    if (likely && likely !== forced) {
      const other = decoded(raw, likely, hasBom(raw, likely));
      if (other !== null && readsAsTable(other)) {
        throw new UsageError(
          USAGE_TEXTS.headersInOtherEncoding(
            path,
            ENCODING_LABELS[forced],
            ENCODING_LABELS[likely],
            ENCODING_FLAGS[likely],
          ),
        );
      }
    }
  }
  return detectDelimiter(bytes);
}

/** Bytes of the byte-order mark a file in this encoding begins with, when it has one. */
export function bomLength(encoding: InputEncoding, bom: boolean): number {
  return bom ? (encoding === "utf8" ? 3 : 2) : 0;
}

/** A decoder of text in a legacy or UTF-16 encoding that fails on bytes invalid in it (TextDecoder's stream mode works). */
export function strictDecoder(encoding: Exclude<InputEncoding, "utf8">): TextDecoder {
  // The file's own byte-order mark is cut off before decoding; one more is text, as in Python's csv.
  return new TextDecoder(DECODER_LABELS[encoding], { fatal: true, ignoreBOM: true });
}

/** The text as UTF-8 bytes (a view of raw for UTF-8), or null when the bytes are not valid in the encoding. */
function decoded(raw: Buffer, encoding: InputEncoding, bom: boolean): Buffer | null {
  const body = raw.subarray(bomLength(encoding, bom));
  if (encoding === "utf8") return isUtf8(body) ? body : null;
  try {
    return Buffer.from(strictDecoder(encoding).decode(body), "utf8");
  } catch {
    return null;
  }
}

function hasBom(raw: Buffer, encoding: InputEncoding): boolean {
  if (encoding === "utf8") return raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  if (encoding === "utf16le") return raw[0] === 0xff && raw[1] === 0xfe;
  if (encoding === "utf16be") return raw[0] === 0xfe && raw[1] === 0xff;
  return false;
}

export interface Found {
  encoding: InputEncoding;
  bom: boolean;
  evidence: EncodingEvidence;
}

/** --encoding, unless the file's byte-order mark names another encoding (then the flag is surely wrong). */
function forcedEncoding(path: string, raw: Buffer, forced: InputEncoding): Found {
  const marked = BOM_ENCODINGS.find((e) => hasBom(raw, e));
  if (marked && marked !== forced) {
    throw new UsageError(
      USAGE_TEXTS.bomOfOtherEncoding(path, ENCODING_LABELS[marked], ENCODING_LABELS[forced], ENCODING_FLAGS[marked]),
    );
  }
  return { encoding: forced, bom: marked === forced, evidence: "forced" };
}

/**
 * A byte-order mark decides; without one, text with zero bytes on one side of its characters is UTF-16, bytes that
 * are valid UTF-8 are UTF-8 (plain ASCII included), and anything else is judged by legacyEncoding: GB18030/GBK, Big5
 * or Windows-1252 when its bytes or headers tell, else refused with the likely encodings named.
 */
function detectEncoding(path: string, raw: Buffer, wholeIsUtf8 = (): boolean => isUtf8(raw)): Found {
  for (const encoding of BOM_ENCODINGS) {
    if (hasBom(raw, encoding)) return { encoding, bom: true, evidence: "bom" };
  }
  // Zero bytes are valid UTF-8 but never stand in a text file: look for UTF-16 first.
  const sixteen = utf16WithoutBom(raw);
  if (sixteen) return { encoding: sixteen, bom: false, evidence: "zeros" };
  if (wholeIsUtf8()) return { encoding: "utf8", bom: false, evidence: "utf8" };
  const verdict = legacyEncoding(raw);
  if ("encoding" in verdict) return { encoding: verdict.encoding, bom: false, evidence: verdict.evidence };
  if ("ambiguous" in verdict && verdict.ambiguous.length > 1) {
    throw new UsageError(
      USAGE_TEXTS.ambiguousEncoding(
        path,
        verdict.ambiguous.map((e) => ({ label: ENCODING_LABELS[e], flag: ENCODING_FLAGS[e] })),
      ),
    );
  }
  if ("ambiguous" in verdict) {
    const [e] = verdict.ambiguous;
    throw new UsageError(USAGE_TEXTS.doubtfulEncoding(path, ENCODING_LABELS[e], ENCODING_FLAGS[e]));
  }
  throw new UsageError(USAGE_TEXTS.unknownEncoding(path));
}

/** The encoding detection would pick, or null when it would refuse. */
function likelyEncoding(raw: Buffer): InputEncoding | null {
  try {
    return detectEncoding("", raw).encoding;
  } catch {
    return null;
  }
}

function likelyLabel(raw: Buffer): { label: string; flag: string } | undefined {
  const likely = likelyEncoding(raw);
  return likely ? { label: ENCODING_LABELS[likely], flag: ENCODING_FLAGS[likely] } : undefined;
}

/** True when a known column header stands in the first lines (see legacyEncoding). */
function readsAsTable(utf8: Buffer): boolean {
  return knownHeaders(utf8) > 0;
}

/**
 * UTF-16 without a byte-order mark: in its first kilobytes, zero bytes (the high half of ASCII characters: digits,
 * delimiters, line breaks) stand at odd places (LE) or even places (BE), seldom at the other.
 */
function utf16WithoutBom(raw: Buffer): "utf16le" | "utf16be" | null {
  const n = Math.min(raw.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroOdd = 0,
    zeroEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (raw[i] === 0) zeroEven++;
    if (raw[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  // The other side's zeros are characters such as 一 (U+4E00), frequent in Chinese but never most of the zeros.
  if (zeroOdd > pairs * 0.05 && zeroEven * 4 <= zeroOdd) return "utf16le";
  if (zeroEven > pairs * 0.05 && zeroOdd * 4 <= zeroEven) return "utf16be";
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
  let best: Delimiter = ",",
    bestScore = 0;
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
  let count = 0,
    blank = true,
    quoted = false,
    cellStart = true;
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
