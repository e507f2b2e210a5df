/** Width of a text in fixed-width columns (a terminal, or Excel's column width unit): a Chinese character takes two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}
