import { contrast, lightTheme, loadTheme, luminance, themeKindOf } from "../../src/taskpane/theme";

describe("the pane's theme after Office's", () => {
  it.each([
    ["Colorful / White (light body)", { bodyBackgroundColor: "#FFFFFF" }, "light"],
    ["a light grey body", { bodyBackgroundColor: "#F3F3F3" }, "light"],
    ["Excel's green (a colourful control colour does not matter)", { bodyBackgroundColor: "#E6E6E6" }, "light"],
    ["Dark Gray", { bodyBackgroundColor: "#666666" }, "dark"],
    ["Dark Gray, older shade", { bodyBackgroundColor: "#444444" }, "dark"],
    ["Black", { bodyBackgroundColor: "#000000" }, "dark"],
    ["Black, short form", { bodyBackgroundColor: "#000" }, "dark"],
    ["no colour, Office says dark", { isDarkTheme: true }, "dark"],
    ["an unreadable colour, Office says dark", { bodyBackgroundColor: "transparent", isDarkTheme: true }, "dark"],
    ["the colour wins over isDarkTheme", { bodyBackgroundColor: "#FFFFFF", isDarkTheme: true }, "light"],
    ["nothing reported (Excel on the web, Mac)", {}, "light"],
  ])("%s → %s", (_name, theme, kind) => {
    expect(themeKindOf(theme)).toBe(kind);
  });

  it("is light without any theme object", () => {
    expect(themeKindOf(undefined)).toBe("light");
    expect(themeKindOf(null)).toBe("light");
  });

  it("computes WCAG luminance and contrast", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1, 5);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("red")).toBeUndefined();
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});

/** Brand text and primary buttons in Excel's green must stay readable (WCAG AA: 4.5:1 for text). */
describe("Excel's green as the brand colour keeps AA contrast", () => {
  const pairs = [
    ["white text on a primary button", "colorNeutralForegroundOnBrand", "colorBrandBackground"],
    ["white text on a hovered primary button", "colorNeutralForegroundOnBrand", "colorBrandBackgroundHover"],
    ["brand text on the pane", "colorBrandForeground1", "colorNeutralBackground1"],
    ["brand text on the pane's grey", "colorBrandForeground1", "colorNeutralBackground2"],
    ["links on the pane", "colorBrandForegroundLink", "colorNeutralBackground1"],
    ["the selected tab's text", "colorNeutralForeground1", "colorNeutralBackground1"],
  ] as const;

  it.each(["light", "dark"] as const)("%s", async (kind) => {
    const theme = await loadTheme(kind);
    for (const [what, fg, bg] of pairs) {
      const ratio = contrast(theme[fg], theme[bg]);
      expect({ what, fg: theme[fg], bg: theme[bg], aa: (ratio ?? 0) >= 4.5 }).toEqual({ what, fg: theme[fg], bg: theme[bg], aa: true });
    }
  });

  it("builds the light theme once", () => {
    expect(lightTheme()).toBe(lightTheme());
    expect(lightTheme().colorBrandBackground).toBe("#217346");
  });
});
