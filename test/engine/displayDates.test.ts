import { displayDateForm, formatDisplayDate, parseDisplayDate } from "../../src/engine";
import { dayOf } from "./helpers";

const zh = displayDateForm("zh-CN");
const us = displayDateForm("en-US");
const gb = displayDateForm("en-GB");

describe("displayDateForm: the short date order of Office's display language", () => {
  it.each([
    ["zh-CN", "ymd"],
    ["zh-TW", "ymd"],
    ["ja-JP", "ymd"],
    ["en-US", "mdy"],
    ["EN-us", "mdy"],
    ["en", "mdy"],
    [undefined, "mdy"],
    ["en-GB", "dmy"],
    ["de-DE", "dmy"],
  ])("%p reads %s", (tag, order) => {
    expect(displayDateForm(tag).order).toBe(order);
  });
});

describe("formatDisplayDate", () => {
  it("writes Chinese dates year first without leading zeros, US dates month first", () => {
    expect(formatDisplayDate(dayOf("2026-01-31"), zh)).toBe("2026/1/31");
    expect(formatDisplayDate(dayOf("2026-01-31"), us)).toBe("1/31/2026");
    expect(formatDisplayDate(dayOf("2026-01-31"), gb)).toBe("31/1/2026");
    expect(formatDisplayDate(dayOf("2025-12-05"), zh)).toBe("2025/12/5");
  });
});

describe("parseDisplayDate", () => {
  it("reads what it writes, in each form", () => {
    for (const iso of ["2026-01-31", "2024-02-29", "2025-12-05", "1999-10-01"]) {
      for (const form of [zh, us, gb])
        expect(parseDisplayDate(formatDisplayDate(dayOf(iso), form), form)).toBe(dayOf(iso));
    }
  });

  it("accepts a four-digit year written first in every form (ISO, slashes, Chinese)", () => {
    for (const form of [zh, us, gb]) {
      expect(parseDisplayDate("2026-01-31", form)).toBe(dayOf("2026-01-31"));
      expect(parseDisplayDate(" 2026/1/31 ", form)).toBe(dayOf("2026-01-31"));
      expect(parseDisplayDate("2026年1月31日", form)).toBe(dayOf("2026-01-31"));
    }
  });

  it("reads the day and month in the order of the form, never guessing the other order", () => {
    expect(parseDisplayDate("3/4/2026", us)).toBe(dayOf("2026-03-04"));
    expect(parseDisplayDate("3/4/2026", gb)).toBe(dayOf("2026-04-03"));
    // 31/1/2026 is not a US date (no month 31), and a Chinese pane does not read day-first text at all.
    expect(parseDisplayDate("31/1/2026", us)).toBeNull();
    expect(parseDisplayDate("1/31/2026", zh)).toBeNull();
  });

  it.each(["", "2026/2/30", "2/30/2026", "1/31/26", "2026/13/1", "tomorrow", "2026/1", "0999/1/1"])(
    "refuses %p",
    (text) => {
      expect(parseDisplayDate(text, us)).toBeNull();
      expect(parseDisplayDate(text, zh)).toBeNull();
    },
  );
});
