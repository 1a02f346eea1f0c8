import { type BrandVariants, type Theme, createLightTheme } from "@fluentui/react-components";

/**
 * The pane's look: Fluent UI's web themes with Excel's green as the brand colour (primary
 * buttons, selected tab, links), light or dark after Office's own theme.
 *
 * The dark theme's token functions cost 1.4 kB gzipped, which the initial script's budget
 * (169 kB) cannot spare for the few who use a dark Office theme: it is a chunk of its own
 * (theme-dark.ts), loaded before the pane renders when Office is dark.
 */
export type ThemeKind = "light" | "dark";

/**
 * Excel's green (#217346 family) as a 16-step Fluent brand ramp, dark to light. Steps 70/80 carry
 * white text (primary buttons) and are brand text on light backgrounds; steps 100/110 are brand
 * text on dark backgrounds. test/taskpane/theme.test.ts checks those pairs for WCAG AA contrast.
 */
export const EXCEL_BRAND: BrandVariants = {
  10: "#07170e",
  20: "#0b2315",
  30: "#0f2f1c",
  40: "#123a24",
  50: "#16462b",
  60: "#1a5132",
  70: "#1d5d39",
  80: "#217346",
  90: "#2f935a",
  100: "#38b26d",
  110: "#49c57f",
  120: "#68cf95",
  130: "#87d9aa",
  140: "#a6e3c0",
  150: "#c5edd6",
  160: "#e4f6ec",
};

let light: Theme | undefined;

/** The light theme (Office's Colorful and White themes, the preview page): built on first use. */
export function lightTheme(): Theme {
  light ??= createLightTheme(EXCEL_BRAND);
  return light;
}

/**
 * The theme of one kind; the dark one is loaded on demand (see above). When its chunk cannot be
 * loaded the pane still opens, light, and the console says why: a readable pane beats none.
 */
export async function loadTheme(kind: ThemeKind): Promise<Theme> {
  if (kind === "light") return lightTheme();
  try {
    const { darkTheme } = await import(/* webpackChunkName: "theme-dark" */ "./theme-dark");
    return darkTheme();
  } catch (error) {
    console.error("Liaison: the dark theme could not be loaded; using the light one.", error);
    return lightTheme();
  }
}

/** WCAG relative luminance of a `#rrggbb` / `#rgb` colour; undefined when it is not one. */
export function luminance(color: string): number | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1–21); undefined when either is not a hex colour. */
export function contrast(a: string, b: string): number | undefined {
  const x = luminance(a);
  const y = luminance(b);
  if (x === undefined || y === undefined) return undefined;
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The part of Office.context.officeTheme this module reads (all optional: hosts differ). */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
  readonly isDarkTheme?: boolean;
}

/**
 * Light or dark after Office's theme. Office's themes are Colorful and White (light body), Dark
 * Gray and Black (dark body): the body background's luminance tells them apart, whatever the
 * exact shade a version uses. Where the colour is missing or unreadable, Office's own isDarkTheme
 * decides; without either (Excel on the web and on Mac do not always report a theme) → light.
 */
export function themeKindOf(theme: OfficeThemeColors | undefined | null): ThemeKind {
  const lum = theme?.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : undefined;
  // 0.18 ≈ #777777: Dark Gray's body (#444444 / #666666 in the versions seen) is below, Colorful's and White's far above.
  if (lum !== undefined) return lum < 0.18 ? "dark" : "light";
  return theme?.isDarkTheme === true ? "dark" : "light";
}
