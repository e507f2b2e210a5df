import { encodePng } from "./png";

/**
 * The add-in's icon: a teal rounded square with "RFM" in white block letters. Drawn from a 3x5 pixel font scaled by a
 * whole factor, so every size stays crisp. `npx ts-node --transpile-only test/manifest/makeIcons.ts` writes
 * assets/icon-<size>.png; the manifest test checks that the committed files are exactly what this draws.
 */

export const ICON_SIZES = [16, 32, 64, 80] as const;

const GLYPHS: Record<string, string[]> = {
  R: ["###", "#.#", "##.", "#.#", "#.#"],
  F: ["###", "#..", "##.", "#..", "#.."],
  M: ["#.#", "###", "###", "#.#", "#.#"],
};
const TEXT = "RFM";
const BACKGROUND = [0x0f, 0x76, 0x6e, 0xff]; // teal
const INK = [0xff, 0xff, 0xff, 0xff];

export function drawIcon(size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const radius = Math.max(2, Math.round(size / 8));
  const textCols = TEXT.length * 4 - 1; // 3 columns per glyph, 1 between glyphs
  const scale = Math.max(1, Math.floor((size * 0.8) / textCols));
  const left = Math.floor((size - textCols * scale) / 2);
  const top = Math.floor((size - 5 * scale) / 2);

  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = insideRoundedSquare(x, y, size, radius)
        ? inkAt(Math.floor((x - left) / scale), Math.floor((y - top) / scale), x >= left, y >= top)
          ? INK
          : BACKGROUND
        : [0, 0, 0, 0];
      rgba.set(colour, (y * size + x) * 4);
    }
  }
  return encodePng(size, size, rgba);
}

function insideRoundedSquare(x: number, y: number, size: number, r: number): boolean {
  const cx = x < r ? r : x >= size - r ? size - r - 1 : x;
  const cy = y < r ? r : y >= size - r ? size - r - 1 : y;
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inkAt(col: number, row: number, rightOfLeft: boolean, belowTop: boolean): boolean {
  if (!rightOfLeft || !belowTop || row >= 5) return false;
  const glyph = GLYPHS[TEXT[Math.floor(col / 4)] ?? ""];
  return glyph !== undefined && col % 4 < 3 && glyph[row][col % 4] === "#";
}
