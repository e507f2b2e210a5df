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
function luminance(color: string | undefined): number | null {
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

/** WCAG AA for text: 4.5:1. */
const TEXT_CONTRAST = 4.5;

/**
 * Foreground tokens whose text stands on the pane's own background (labels, hints, links, coloured messages), as
 * against those drawn on another surface (inverted, on-brand, on-light, static) or exempt (disabled).
 */
function standsOnBackground(token: string): boolean {
  return /Foreground/.test(token) && !/Inverted|OnBrand|OnLight|Static|Disabled/.test(token);
}

/** `color` moved toward white (on a dark background) or black (on a light one) just enough to reach `min`:1. */
export function readableOn(color: string, background: string, min = TEXT_CONTRAST): string {
  if (contrast(color, background) >= min) return color;
  const toward = (luminance(background) ?? 0) < 0.18 ? 255 : 0;
  const rgb = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  for (let step = 1; step <= 20; step++) {
    const mixed =
      "#" +
      rgb
        .map((c) =>
          Math.round(c + ((toward - c) * step) / 20)
            .toString(16)
            .padStart(2, "0"),
        )
        .join("");
    if (contrast(mixed, background) >= min) return mixed;
  }
  return toward === 255 ? "#ffffff" : "#000000";
}

/**
 * Fluent's light or dark tokens, with the pane's background and text in Office's own body colours. Fluent's tokens
 * are made for its own backgrounds (#292929 dark, #ffffff light); on Office's (Dark Gray is #444444) its secondary
 * text, links and coloured messages can fall below 4.5:1, so each of those is lightened (or darkened) until it reads.
 */
export function fluentThemeFor(theme: OfficeThemeColors | undefined): Theme {
  const dark = isDarkOfficeTheme(theme);
  const base = dark ? webDarkTheme : webLightTheme;
  const background = hex(theme?.bodyBackgroundColor);
  const foreground = hex(theme?.bodyForegroundColor);
  // Office's colours are used only when they keep the text readable against the background (WCAG AA, 4.5:1).
  if (!background || !foreground || contrast(background, foreground) < TEXT_CONTRAST) return base;
  const readable: Partial<Theme> = {};
  for (const [token, value] of Object.entries(base)) {
    if (standsOnBackground(token) && typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value)) {
      const fixed = readableOn(value, background);
      if (fixed !== value) (readable as Record<string, string>)[token] = fixed;
    }
  }
  return { ...base, ...readable, colorNeutralBackground1: background, colorNeutralForeground1: foreground };
}

export function contrast(a: string, b: string): number {
  const la = luminance(a) ?? 0;
  const lb = luminance(b) ?? 0;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
