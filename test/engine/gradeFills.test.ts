import { EXTRA_GRADE_FILL, gradeFill } from "../../src/engine";

describe("grade colours", () => {
  it("give each of up to eight grades a colour of its own (a six-grade profile's fifth and sixth are not both grey)", () => {
    const fills = Array.from({ length: 8 }, (_, i) => gradeFill(i));
    expect(new Set(fills).size).toBe(8);
    expect(fills).not.toContain(EXTRA_GRADE_FILL);
    expect(gradeFill(8)).toBe(EXTRA_GRADE_FILL);
  });

  it("stay light enough for black text in a cell (WCAG 4.5:1 against #000000)", () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [0, 2, 4].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (let i = 0; i < 9; i++) expect([i, (luminance(gradeFill(i)) + 0.05) / 0.05 >= 4.5]).toEqual([i, true]);
  });
});
