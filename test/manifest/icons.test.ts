/** The committed icons are exactly what icons.ts draws (so they can be regenerated), and they are valid PNGs. */
import { readFileSync } from "fs";
import { join } from "path";
import { inflateSync } from "zlib";
import { ICON_SIZES, drawIcon } from "./icons";
import { readPngHeader } from "./png";

test.each(ICON_SIZES.map((s) => [s]))("assets/icon-%i.png is the drawn icon", (size) => {
  const committed = readFileSync(join(__dirname, "..", "..", "assets", `icon-${size}.png`));
  expect(committed.equals(drawIcon(size))).toBe(true);
  expect(readPngHeader(committed)).toEqual({ width: size, height: size, bitDepth: 8, colourType: 6 });
});

test("the drawing has the teal square, white letters and transparent rounded corners", () => {
  const png = drawIcon(32);
  // IDAT starts after signature (8) + IHDR chunk (25) + length and type (8)
  const length = png.readUInt32BE(33);
  const rows = inflateSync(png.subarray(41, 41 + length));
  const pixel = (x: number, y: number) => [
    ...rows.subarray(y * (32 * 4 + 1) + 1 + x * 4, y * (32 * 4 + 1) + 5 + x * 4),
  ];
  expect(pixel(0, 0)[3]).toBe(0); // corner cut away
  expect(pixel(16, 2)).toEqual([0x0f, 0x76, 0x6e, 0xff]); // background
  const colours = new Set<string>();
  for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) colours.add(pixel(x, y).join(","));
  expect(colours).toContain("255,255,255,255"); // the letters
});
