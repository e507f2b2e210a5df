import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { contrast, fluentThemeFor, isDarkOfficeTheme } from "../../src/taskpane/officeTheme";

// Body colours as Office reports them for its four themes (Excel for Windows, 2026).
const COLORFUL = { bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#262626", isDarkTheme: false };
const WHITE = { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626" };
const DARK_GRAY = { bodyBackgroundColor: "#444444", bodyForegroundColor: "#FFFFFF", isDarkTheme: true };
const BLACK = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" };

describe("Office's theme in the pane", () => {
  it("reads Dark Gray and Black as dark, Colorful and White as light (by isDarkTheme, else by the background)", () => {
    expect([COLORFUL, WHITE, DARK_GRAY, BLACK].map(isDarkOfficeTheme)).toEqual([false, false, true, true]);
    expect(isDarkOfficeTheme(undefined)).toBe(false);
  });

  it("uses Fluent's dark tokens in a dark Office, with Office's own background and text", () => {
    const theme = fluentThemeFor(BLACK);
    expect(theme.colorBrandBackground).toBe(webDarkTheme.colorBrandBackground);
    expect(theme.colorNeutralBackground1).toBe("#262626");
    expect(theme.colorNeutralForeground1).toBe("#FFFFFF");
    expect(fluentThemeFor(DARK_GRAY).colorNeutralBackground1).toBe("#444444");
  });

  it("uses Fluent's light tokens outside Office and in light themes", () => {
    expect(fluentThemeFor(undefined)).toBe(webLightTheme);
    expect(fluentThemeFor(WHITE).colorNeutralBackground1).toBe("#FFFFFF");
    expect(fluentThemeFor(COLORFUL).colorBrandBackground).toBe(webLightTheme.colorBrandBackground);
  });

  it("keeps Fluent's own colours when Office's pair would be unreadable or is not a colour", () => {
    expect(fluentThemeFor({ bodyBackgroundColor: "#444444", bodyForegroundColor: "#555555", isDarkTheme: true })).toBe(webDarkTheme);
    expect(fluentThemeFor({ bodyBackgroundColor: "red", bodyForegroundColor: "#000", isDarkTheme: false })).toBe(webLightTheme);
    expect(contrast("#FFFFFF", "#000000")).toBeCloseTo(21, 5);
  });
});
