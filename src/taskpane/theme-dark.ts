import { type Theme, createDarkTheme } from "@fluentui/react-components";
import { EXCEL_BRAND } from "./theme";

let dark: Theme | undefined;

/** The dark theme (Office's Dark Gray and Black themes): a chunk of its own, see theme.ts. */
export function darkTheme(): Theme {
  dark ??= createDarkTheme(EXCEL_BRAND);
  return dark;
}
