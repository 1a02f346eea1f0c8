import { trimCell, toHalfWidth } from "../cells/normalize";
import { toSimplified } from "../headers/chinese";
import type { TableRead } from "../table/read-table";
import type { TemplateDef } from "../templates/types";

/**
 * Typed access to the rows of a read table by column key, for the document builders: they ask
 * for `topic` or `dueDate`, never for a column index, and a column the sheet lacks reads as empty.
 */
export interface TableView {
  readonly tpl: TemplateDef;
  readonly read: TableRead;
  readonly sheet: string;
  /** Rows read (index into `read.values`). */
  readonly n: number;
  /** Excel row of a row read. */
  excelRow(r: number): number;
  /** Text of a text-like cell (text, enum, quarter, phone), trimmed; undefined when empty. */
  text(r: number, key: string): string | undefined;
  /** A number, day number (date) or minute number (datetime); undefined when empty or unreadable. */
  num(r: number, key: string): number | undefined;
  /** The cell as written when it could not be read as its column's type; undefined otherwise. */
  invalidText(r: number, key: string): string | undefined;
}

export function tableView(tpl: TemplateDef, read: TableRead, sheet: string): TableView {
  const index = new Map(tpl.columns.map((c, j) => [c.key, j]));
  const col = (key: string): number => {
    const j = index.get(key);
    // A wrong key is a programming mistake in a builder, not user input.
    if (j === undefined) throw new Error(`documents: template "${tpl.id}" has no column "${key}"`);
    return j;
  };
  const invalid = new Map<string, string>();
  for (const issue of read.issues) if (issue.kind === "invalid") invalid.set(`${issue.row}:${issue.key}`, issue.text);
  return {
    tpl,
    read,
    sheet,
    n: read.values.length,
    excelRow: (r) => read.excelRows[r],
    text(r, key) {
      const v = read.values[r][col(key)];
      if (typeof v === "string") return v === "" ? undefined : v;
      if (typeof v === "number") return String(v);
      if (Array.isArray(v)) return v.length > 0 ? v.join("+") : undefined;
      return undefined;
    },
    num(r, key) {
      const v = read.values[r][col(key)];
      return typeof v === "number" ? v : undefined;
    },
    invalidText(r, key) {
      col(key);
      return invalid.get(`${r}:${key}`);
    },
  };
}

/**
 * How names are compared (a 来源会议 with a 会议主题, two spellings of one 负责人): trimmed, half-width, simplified Chinese, without
 * spaces or quotation marks, lower case — `「新產品上線項目啟動會」` names `新产品上线项目启动会`.
 */
export function matchKey(text: string): string {
  return toSimplified(toHalfWidth(trimCell(text)))
    .replace(/[\s"'“”‘’「」『』《》〈〉]/g, "")
    .toLowerCase();
}

/** Excel rows as people write them: `[5, 7, 8, 9]` → `5,7-9` (ascending, each once). */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** Scores as people write them: 79, 79.5, never 79.49999999. */
export function showNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}
