/** Lists of names inside one-line messages. */

/** Items a message names at most, and the characters it shows of each (the rest is cut, with "…"). */
const LISTED = 20;
const ITEM_CHARS = 40;

/**
 * Headers or sheet names quoted in a message, kept short: a file read in the wrong encoding, or with a quote that
 * swallowed its lines, can make a header of kilobytes, and a message is one line.
 */
export function shortList(items: readonly string[], quote: (text: string) => string, separator: string): string {
  const shown = items.slice(0, LISTED).map((item) => {
    const text = item.replace(/\s+/g, " ");
    return quote(text.length > ITEM_CHARS ? text.slice(0, ITEM_CHARS - 1) + "…" : text);
  });
  if (items.length > LISTED) shown.push(`… (+${items.length - LISTED})`);
  return shown.join(separator);
}
