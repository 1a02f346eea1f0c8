import type { Catalog } from "../index";

/**
 * The few fixed strings a document renderer adds around the builders' text (the builders decide
 * the content; these are layout furniture: the cut line, the page counter, punctuation).
 */
export const renderMessages = {
  "zh-CN": {
    /** Between a label and its value. Full-width, as Chinese official documents write it. */
    colon: "：",
    /** Before a heading numbered by the renderer: `一、`. */
    headingNumber: "{n}、",
    /** The receipt's tear-off line. */
    cutLine: "沿此线剪开",
    /** Footer page counter; `{page}`/`{total}` become Word fields. */
    pageCounter: "第 {page} 页 / 共 {total} 页",
    /** Between the footer text and the page counter. */
    footerSeparator: " · ",
    /** Shown in a table with no rows when the builder gave no `emptyText`. */
    emptyTable: "（无）",
  },
  "en-US": {
    colon: ": ",
    headingNumber: "{n}. ",
    cutLine: "Cut along this line",
    pageCounter: "Page {page} of {total}",
    footerSeparator: " · ",
    emptyTable: "(none)",
  },
} satisfies Catalog;

export type RenderKey = keyof (typeof renderMessages)["zh-CN"];
