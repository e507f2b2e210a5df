/**
 * Number format codes read as Excel reads them (its documented format-code rules): what a number shows as — a plain
 * number, a date, a time of day, or an elapsed time — and how times and durations are shown. Expected kinds come
 * from the rules: letters inside quotes, after a backslash, after `_` or `*`, or inside brackets other than
 * [h]/[m]/[s] are text; `m` next to an hour or a second is minutes; `E+`/`E-` after digits is an exponent.
 */

import { kindOf, numberFormat, timeText } from "../../../src/cli/xlsx/numberFormat";

describe("what a format makes of a number", () => {
  it.each([
    ["General", "number"],
    ["0", "number"],
    ["#,##0.00", "number"],
    ["0.00E+00", "number"],
    ["##0.0E-0", "number"],
    ["0\\ \\o\\r\\d\\e\\r\\s", "number"],
    ['0" days"', "number"],
    ['"d"0', "number"],
    ["0_d", "number"],
    ["*d0", "number"],
    ["[Red]0.00", "number"],
    ["[Color10]#,##0", "number"],
    ["#,##0_);[Red](#,##0)", "number"],
    ['_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-', "number"],
    ["[$¥-804]#,##0.00", "number"],
    ["[DBNum1][$-804]General", "number"],
    ["0.0%", "number"],
    ["# ?/?", "number"],
    ["@", "number"],
    ["yyyy-mm-dd", "date"],
    ["m/d/yy", "date"],
    ["mmm", "date"],
    ["m", "date"],
    ["d-mmm", "date"],
    ['yyyy"年"m"月"d"日"', "date"],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', "date"],
    ["[$-409]mmmm d, yyyy;@", "date"],
    ["[$-F800]dddd, mmmm dd, yyyy", "date"],
    ["yyyy\\-mm\\-dd", "date"],
    ["aaaa", "date"],
    ['[$-411]ggge"年"m"月"d"日"', "date"],
    ["B2yyyy/mm/dd", "date"],
    ["mm/dd/yyyy hh:mm:ss.000", "date"],
    ["h:mm", "time"],
    ["mm:ss", "time"],
    ["mmss.0", "time"],
    ["ss.0", "time"],
    ["h:mm AM/PM", "time"],
    ['上午/下午h"时"mm"分"', "time"],
    ["[$-F400]h:mm:ss AM/PM", "time"],
    ["[h]:mm", "duration"],
    ["[hh]:mm:ss", "duration"],
    ["[m]:ss", "duration"],
    ["[ss].00", "duration"],
  ])("%s: %s", (code, kind) => {
    expect(kindOf(numberFormat(code), 45000.5)).toBe(kind);
  });

  it("sections: the one a value uses decides (positive; negative; zero), conditions first", () => {
    const format = numberFormat("[<=100]0;yyyy-mm-dd");
    expect([kindOf(format, 7), kindOf(format, 100), kindOf(format, 46012)]).toEqual(["number", "number", "date"]);
    const signs = numberFormat('yyyy-mm-dd;"minus"0;"nothing"');
    expect([kindOf(signs, 46012), kindOf(signs, -3), kindOf(signs, 0)]).toEqual(["date", "number", "number"]);
    // The fourth section is for text: numbers never use it.
    expect(kindOf(numberFormat("0;-0;0;yyyy"), 46012)).toBe("number");
    expect(numberFormat("0.00;[Red]-0.00").kind).toBe("number");
    expect(numberFormat("[<=100]0;yyyy-mm-dd").kind).toBeNull();
  });
});

describe("times and durations as Excel shows them", () => {
  it.each([
    ["[h]:mm", 1.5, "36:00"],
    ["[h]:mm:ss", 1.25, "30:00:00"],
    ["[mm]:ss", 0.5, "720:00"],
    ["[hhh]:mm", 0.125, "003:00"],
    ["h:mm", 0.75, "18:00"],
    ["hh:mm", 1 / 24, "01:00"],
    ["h:mm:ss AM/PM", 0.5, "12:00:00 PM"],
    ["h:mm a/p", 0.25, "6:00 a"],
    ['上午/下午h"时"mm"分"', 0.75, "下午6时00分"],
    ['h"时"mm"分"ss"秒"', 0.5 + 1 / 86400, "12时00分01秒"],
    ["mm:ss.00", 1.5 / 86400, "00:01.50"],
    ["mm:ss", 59.6 / 86400, "01:00"],
    ["h:mm:ss", 0.999999999, "0:00:00"],
    ["[h]:mm", -0.5, "-12:00"],
  ])("%s of %p: %s", (code, value, shown) => {
    expect(timeText(numberFormat(code), value)).toBe(shown);
  });
});
