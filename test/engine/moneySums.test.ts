/**
 * Exact money sums: every sum equals the decimal sum of the amounts' texts, whether it stays in millionths, outgrows
 * integer doubles (sums of a grade over millions of customers) or meets finer decimals. The expected sums are added
 * here as BigInt decimals from the texts, independently of MoneySums.
 */

import { MoneySums } from "../../src/engine";

/** Sum of decimal texts, exactly, as text without trailing zeros (the reference). */
function referenceSum(texts: string[]): string {
  const places = 12;
  let total = 0n;
  for (const t of texts) {
    const negative = t.startsWith("-");
    const [whole, fraction = ""] = (negative ? t.slice(1) : t).split(".");
    const units = BigInt(whole + fraction.padEnd(places, "0"));
    total += negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(places + 1, "0");
  const text = `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/\.?0+$/, "");
  return negative && text !== "0" ? `-${text}` : text;
}

function summed(texts: string[]): MoneySums {
  const sums = new MoneySums();
  const slot = sums.open();
  for (const t of texts) sums.add(slot, Number(t));
  return sums;
}

test("amounts with at most six decimals: 0.1 + 0.2 is 0.3, refunds subtract", () => {
  expect(summed(["0.1", "0.2"]).text(0)).toBe("0.3");
  expect(summed(["100", "-25.5", "0.000001"]).text(0)).toBe("74.500001");
  expect(summed(["0.1", "0.2"]).value(0)).toBe(0.3);
});

test("a sum past 2^53 millionths (nine billion) stays exact, and so does what is added after it", () => {
  const texts = ["4000000000.5", "4000000000.25", "4000000000.125", "0.000001", "-3000000000", "7.75"];
  const sums = summed(texts);
  expect(sums.text(0)).toBe(referenceSum(texts));
  expect(sums.text(0)).toBe("9000000008.625001");
  expect(sums.value(0)).toBe(9000000008.625001);
  // Millions of customers' totals summed into one grade's total: many carries.
  const many = Array.from({ length: 5000 }, (_, k) => `${123456789 + k}.${String(k % 1000).padStart(3, "0")}`);
  expect(summed(many).text(0)).toBe(referenceSum(many));
});

test("finer decimals and very large amounts are summed exactly beside the millionths", () => {
  for (const texts of [
    ["1", "0.0000001"],
    ["0.1234567", "0.0000003", "2.5"],
    ["12345678901234", "0.5", "1e-7"],
    ["-0.0000001", "0.0000001", "3"],
  ]) {
    const asTexts = texts.map((t) => (t.includes("e") ? Number(t).toFixed(7) : t));
    expect(summed(texts).text(0)).toBe(referenceSum(asTexts));
  }
});

test("random amounts: every sum is the decimal sum of their texts", () => {
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let round = 0; round < 200; round++) {
    const texts: string[] = [];
    for (let k = 0; k < 50; k++) {
      const whole = Math.floor(next() * 10 ** Math.floor(next() * 13));
      const places = Math.floor(next() * 9);
      const fraction = places === 0 ? "" : "." + String(Math.floor(next() * 10 ** places)).padStart(places, "0");
      const text = `${next() < 0.2 ? "-" : ""}${whole}${fraction}`;
      // Only amounts whose double reads back as the text typed (what a reader hands the engine).
      if (String(Number(text)) === text) texts.push(text);
    }
    expect(summed(texts).text(0)).toBe(referenceSum(texts));
  }
});

test("sums sent as plain data and gathered in another order are the same sums", () => {
  const a = new MoneySums(),
    b = new MoneySums();
  const texts = [["1.5", "2"], ["9000000000", "1000000000.000001"], ["0.0000001"]];
  texts.forEach((t, k) => {
    const sums = k === 1 ? b : a;
    const slot = sums.open();
    t.forEach((x) => sums.add(slot, Number(x)));
  });
  const copied = [MoneySums.of(a.parts()), MoneySums.of(b.parts())];
  const gathered = MoneySums.gathered(copied, Uint8Array.of(1, 0, 0), Int32Array.of(0, 1, 0));
  expect([0, 1, 2].map((j) => gathered.text(j))).toEqual(["10000000000.000001", "0.0000001", "3.5"]);
  expect(gathered.size).toBe(3);
});

test("an amount of billions with six decimals is summed from its text, not from a neighbouring millionth", () => {
  // 8750959301.02176 × 10^6 as doubles rounds to 8750959301021761, which reads back as the same double.
  for (const texts of [["8750959301.02176"], ["124395062739.5036", "8750959301.02176"], ["-4503599627.370497"]]) {
    expect(texts.map((t) => String(Number(t)))).toEqual(texts);
    expect(summed(texts).text(0)).toBe(referenceSum(texts));
  }
});
