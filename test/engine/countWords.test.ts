import { countNumber, countText, pluralFor, rowRangeText } from "../../src/engine";

describe("row ranges", () => {
  it("a range of one row reads as one row", () => {
    expect(rowRangeText(6, 6, "zh")).toBe("第 6 行");
    expect(rowRangeText(6, 6, "en")).toBe("row 6");
  });
  it("a range of several rows, in either order", () => {
    expect(rowRangeText(6, 9, "zh")).toBe("第 6–9 行");
    expect(rowRangeText(9, 6, "en")).toBe("rows 6–9");
  });
});

describe("counts with their noun", () => {
  it.each([
    [0, "0 customers"],
    [1, "1 customer"],
    [2, "2 customers"],
    [1234, "1,234 customers"],
  ])("%p: %p", (n, text) => {
    expect(countText(n, "en", "customers")).toBe(text);
  });
  it("Chinese has no plural", () => {
    expect(countText(1, "zh", "customers")).toBe("1 位客户");
    expect(countText(12_345, "zh", "customers")).toBe("12,345 位客户");
  });
  it("the noun alone, and grouped numbers", () => {
    expect(pluralFor(1, "en", { one: "row", other: "rows" })).toBe("row");
    expect(pluralFor(1.5, "en", { one: "row", other: "rows" })).toBe("rows");
    expect(countNumber(1_048_575, "en")).toBe("1,048,575");
  });
});
