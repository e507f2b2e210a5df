/** Amounts as a finance user reads them where room is short: 万/亿 in Chinese, K/M/B in English, the exact figure beside. */
import { compactMoney, compactMoneyColumn } from "../../src/engine";

const texts = (amounts: (number | string)[], unit: "yuan" | "wan", lang: "en" | "zh") =>
  compactMoneyColumn(amounts, unit, lang).map((d) => d.text);

describe("Chinese: 万 and 亿 with thousands separators and two decimals", () => {
  it.each([
    [12_345, "1.23万"],
    [123_456, "12.35万"],
    [12_345_678, "1,234.57万"],
    [123_456_789, "1.23亿"],
    [160_493_825_728, "1,604.94亿"],
    [1_604_938_257_283_940, "1,604.94万亿"],
    [9_999.99, "9,999.99"],
    [950.5, "950.50"],
    [950, "950"],
    [-52_000, "-5.20万"],
  ])("%p yuan reads %p", (yuan, text) => {
    expect(compactMoney(yuan, "yuan", "zh").text).toBe(text);
  });

  it("an amount in 万元 is scaled from what it is worth: 1,234.5 万元 is 1,234.50万, 12,345 万元 is 1.23亿", () => {
    expect(texts([1_234.5, 12_345, 0.5], "wan", "zh")).toEqual(["1,234.50万", "1.23亿", "5,000.00"]);
  });

  it("an amount just below a scale that rounds up to it takes the larger scale", () => {
    expect(compactMoney(99_999_999.999, "yuan", "zh").text).toBe("1.00亿");
    expect(compactMoney(9_999.996, "yuan", "zh").text).toBe("1.00万");
  });

  it("halves are rounded away from zero on the exact decimal (1.005 is 1.01, -0.005 is -0.01)", () => {
    expect(texts(["1.005", "-0.005", "0.004"], "yuan", "zh")).toEqual(["1.01", "-0.01", "0.00"]);
    expect(compactMoney("12345.005", "wan", "zh").text).toBe("1.23亿");
    expect(compactMoney("10050", "yuan", "zh").text).toBe("1.01万"); // 1.005万
  });
});

describe("English: K, M, B and T", () => {
  it.each([
    [12_345, "12.35K"],
    [994_994, "994.99K"],
    [994_995, "995.00K"],
    [995_000, "1.00M"], // 0.995M rounds to 1.00M: the larger scale, rather than "995.00K"
    [1_234_567, "1.23M"],
    [1_234_567_890, "1.23B"],
    [160_493_825_728_394, "160.49T"],
    [9_500, "9,500"],
  ])("%p yuan reads %p", (yuan, text) => {
    expect(compactMoney(yuan, "yuan", "en").text).toBe(text);
  });
});

describe("one number of decimals per column", () => {
  it("no '10,711.6' next to '662.95': every amount of the column has two decimals", () => {
    expect(texts([10_711.6, 662.95, 8_000], "yuan", "en")).toEqual(["10.71K", "662.95", "8,000.00"]);
    expect(texts([10_711.6, 662.95, 8_000], "yuan", "zh")).toEqual(["1.07万", "662.95", "8,000.00"]);
  });
  it("whole yuan below 10,000 keep no decimals", () => {
    expect(texts([950, 8_650, 0], "yuan", "zh")).toEqual(["950", "8,650", "0"]);
  });
  it("one amount with cents gives the column two decimals", () => {
    expect(texts([950, 8_650.5], "yuan", "en")).toEqual(["950.00", "8,650.50"]);
  });
  it("an empty or unreadable amount is an empty text, and does not change the others", () => {
    expect(compactMoneyColumn(["", "n/a", 950], "yuan", "en")).toEqual([
      { text: "", exact: "" },
      { text: "", exact: "" },
      { text: "950", exact: "950 yuan" },
    ]);
  });
});

describe("the exact figure, for a tooltip", () => {
  it("in yuan, with thousands separators and every decimal the amount has", () => {
    expect(compactMoney("12345678.9", "yuan", "zh").exact).toBe("12,345,678.9 元");
    expect(compactMoney(1_234.5, "wan", "zh").exact).toBe("12,345,000 元");
    expect(compactMoney("0.000001", "wan", "en").exact).toBe("0.01 yuan");
    expect(compactMoney("160493825728394.17", "yuan", "en").exact).toBe("160,493,825,728,394.17 yuan");
    expect(compactMoney(-52_000, "yuan", "en").exact).toBe("-52,000 yuan");
  });
  it("numbers a double writes with an exponent are read in full", () => {
    expect(compactMoney(1e21, "yuan", "zh")).toEqual({
      text: "1,000,000,000.00万亿",
      exact: "1,000,000,000,000,000,000,000 元",
    });
    expect(compactMoney(1e-7, "yuan", "en").exact).toBe("0.0000001 yuan");
  });
});
