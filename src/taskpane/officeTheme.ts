/**
 * Office's theme (Colorful, Dark Gray, Black, White) as a Fluent UI theme: the pane takes Office's own body colours
 * and picks Fluent's light or dark token set to match, so controls, text and focus rings keep their contrast.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";

/** The colours `Office.context.officeTheme` reports (all optional: outside Office there is no theme). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance (WCAG) of "#rgb" or "#rrggbb"; null for anything else. */
export function luminance(color: string | undefined): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark Gray and Black are dark; Colorful and White are light. Office says so itself where it can (isDarkTheme). */
export function isDarkOfficeTheme(theme: OfficeThemeColors | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l !== null && l < 0.2;
}

function hex(color: string | undefined): string | undefined {
  return luminance(color) === null ? undefined : `#${(color ?? "").trim().replace(/^#/, "")}`;
}

/** Fluent's light or dark tokens, with the pane's background and text in Office's own body colours. */
export function fluentThemeFor(theme: OfficeThemeColors | undefined): Theme {
  const dark = isDarkOfficeTheme(theme);
  const base = dark ? webDarkTheme : webLightTheme;
  const background = hex(theme?.bodyBackgroundColor);
  const foreground = hex(theme?.bodyForegroundColor);
  // Office's colours are used only when they keep the text readable against the background (WCAG AA, 4.5:1).
  if (!background || !foreground || contrast(background, foreground) < 4.5) return base;
  return { ...base, colorNeutralBackground1: background, colorNeutralForeground1: foreground };
}

export function contrast(a: string, b: string): number {
  const la = luminance(a) ?? 0;
  const lb = luminance(b) ?? 0;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
