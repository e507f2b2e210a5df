import {
  attributeBytes,
  closingTag,
  find,
  isSpecialMarkup,
  LT,
  markupEnd,
  nameEnd,
  localStart,
  richText,
  sameBytes,
  SLASH,
  tagEnd,
} from "./xmlBytes";

const SI = Buffer.from("si"),
  SPACE = Buffer.from("space");

/**
 * The shared strings table, read piece by piece as it is decompressed (a table of a million distinct ids is tens of
 * megabytes of XML): each `<si>` item's text as Excel shows it (see richText), in order, so that a cell's index finds
 * its text.
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<string[]> {
  const out: string[] = [];
  let carry: Buffer | undefined;
  for await (const chunk of chunks) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let p = 0;
    for (;;) {
      const lt = find(buf, LT, p);
      if (lt < 0) {
        p = buf.length;
        break;
      }
      p = lt;
      if (isSpecialMarkup(buf, lt)) {
        const end = markupEnd(buf, lt);
        if (end < 0) break;
        p = end;
        continue;
      }
      const gt = tagEnd(buf, lt);
      if (gt < 0) break;
      const end = nameEnd(buf, lt + 1);
      if (buf[lt + 1] === SLASH || !sameBytes(buf, localStart(buf, lt + 1, end), end, SI)) {
        p = gt + 1;
        continue;
      }
      if (buf[gt - 1] === SLASH) {
        out.push("");
        p = gt + 1;
        continue;
      }
      const close = closingTag(buf, gt + 1, SI);
      if (close < 0) break;
      const closeEnd = tagEnd(buf, close);
      if (closeEnd < 0) break;
      out.push(richText(buf, gt + 1, close, attributeBytes(buf, lt, gt, SPACE) === "preserve"));
      p = closeEnd + 1;
    }
    carry = p < buf.length ? Buffer.from(buf.subarray(p)) : undefined;
  }
  return out;
}
