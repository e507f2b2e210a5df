import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { contrast, fluentThemeFor, isDarkOfficeTheme, readableOn } from "../../src/taskpane/officeTheme";

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
    expect(fluentThemeFor({ bodyBackgroundColor: "#444444", bodyForegroundColor: "#555555", isDarkTheme: true })).toBe(
      webDarkTheme,
    );
    expect(fluentThemeFor({ bodyBackgroundColor: "red", bodyForegroundColor: "#000", isDarkTheme: false })).toBe(
      webLightTheme,
    );
    expect(contrast("#FFFFFF", "#000000")).toBeCloseTo(21, 5);
  });
});

describe("text on Office's own backgrounds", () => {
  // Labels, hints, links and coloured messages are Fluent's secondary foregrounds: made for Fluent's own backgrounds,
  // some fall below WCAG AA on Office's (on Dark Gray: hints 4.34:1, links 3.47:1).
  const TEXT_TOKENS = [
    "colorNeutralForeground2",
    "colorNeutralForeground3",
    "colorNeutralForeground4",
    "colorBrandForegroundLink",
    "colorBrandForegroundLinkHover",
    "colorBrandForeground1",
    "colorPaletteRedForeground1",
    "colorPaletteGreenForeground1",
    "colorStatusDangerForeground1",
  ] as const;

  it.each([
    ["Dark Gray", DARK_GRAY],
    ["Black", BLACK],
    ["Colorful", COLORFUL],
    ["White", WHITE],
  ])("reads at 4.5:1 or better in %s", (_name, office) => {
    const theme = fluentThemeFor(office);
    const low = TEXT_TOKENS.map((token) => [token, contrast(theme[token], office.bodyBackgroundColor)] as const).filter(
      ([, ratio]) => ratio < 4.5,
    );
    expect(low).toEqual([]);
  });

  it("leaves a colour that already reads as it is, and moves one that does not no further than needed", () => {
    expect(readableOn("#ffffff", "#444444")).toBe("#ffffff");
    const link = readableOn("#479ef5", "#444444");
    expect(contrast(link, "#444444")).toBeGreaterThanOrEqual(4.5);
    // Lighter, still a blue: its blue channel stays the strongest.
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(link.slice(i, i + 2), 16));
    expect(b).toBeGreaterThan(r);
    expect(b).toBeGreaterThan(g);
  });
});
