import { displayDateForm } from "../../../src/engine";
import { displayText, storedText } from "../../../src/taskpane/profiles/DateField";

const zh = displayDateForm("zh-CN");
const us = displayDateForm("en-US");
const gb = displayDateForm("en-GB");

describe("a profile's default dates in the editor", () => {
  it("are shown as Office's display language writes dates", () => {
    expect(displayText("2025-07-01", zh)).toBe("2025/7/1");
    expect(displayText("2025-07-01", us)).toBe("7/1/2025");
    expect(displayText("2025-07-01", gb)).toBe("1/7/2025");
    expect(displayText("", us)).toBe("");
    expect(displayText("not a date", us)).toBe("not a date");
  });

  it("are read in that form and stored as the profile writes them (YYYY-MM-DD)", () => {
    expect(storedText("2025/7/1", zh)).toBe("2025-07-01");
    expect(storedText("2025年7月1日", zh)).toBe("2025-07-01");
    expect(storedText("7/1/2025", us)).toBe("2025-07-01");
    expect(storedText("1/7/2025", gb)).toBe("2025-07-01");
    expect(storedText("2025-07-01", gb)).toBe("2025-07-01");
    expect(storedText("  ", us)).toBe("");
  });

  it("leave text that is not a date in the form as it is, for the engine to refuse", () => {
    expect(storedText("7/1/2025", zh)).toBe("7/1/2025");
    expect(storedText("2/30/2025", us)).toBe("2/30/2025");
    expect(storedText("soon", us)).toBe("soon");
  });
});
