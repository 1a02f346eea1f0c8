import type { ReadIssue, TableRead, TypedValue } from "../table/read-table";
import type { TemplateDef } from "../templates/types";

/**
 * Which rows of a table an edit can change the findings of. A row's findings depend on its own
 * cells, except for the rules across rows — `unique`, `min-count` and `consecutive` — whose
 * findings depend on every row of the same group (same key, same 采购需求, same supplier). So the
 * rows to re-check are:
 *  - the rows the host reported as changed;
 *  - every row whose read differs between the old and the new read (a date written without a
 *    year takes the column's most common year, so editing one date can change another row's
 *    value — comparing the reads catches that and anything else a host fails to report);
 *  - for each cross-row rule, every row of a group that one of those rows belonged to before
 *    the edit or belongs to after it (a key changed from A to B affects both A's and B's rows).
 */

/** The grouping key of a cross-row rule, exactly as key-rules.ts/score-rules.ts compare values. */
function groupKey(v: TypedValue): string | undefined {
  if (v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return v.join("+");
}

/** Template column keys that group rows for some rule of the template. */
export function groupColumns(tpl: TemplateDef): string[] {
  const keys = new Set<string>();
  for (const spec of tpl.rules ?? []) {
    if (spec.kind === "unique") keys.add(spec.column);
    else if (spec.kind === "min-count") keys.add(spec.group);
    else if (spec.kind === "consecutive") keys.add(spec.key);
  }
  return [...keys];
}

function sameValue(a: TypedValue, b: TypedValue): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

function issuesByRow(read: TableRead): Map<number, ReadIssue[]> {
  const out = new Map<number, ReadIssue[]>();
  for (const issue of read.issues) {
    const list = out.get(issue.row);
    if (list) list.push(issue);
    else out.set(issue.row, [issue]);
  }
  return out;
}

const issueText = (issues: readonly ReadIssue[] | undefined): string =>
  JSON.stringify((issues ?? []).map((i) => [i.key, i.kind, i.reason ?? "", i.text, i.year ?? 0]));

/** Excel rows whose read (values or read issues) differs between the two reads, or that only one of them has. */
export function differingRows(before: TableRead, after: TableRead): number[] {
  const out: number[] = [];
  const beforeIndex = new Map(before.excelRows.map((row, i) => [row, i]));
  const beforeIssues = issuesByRow(before);
  const afterIssues = issuesByRow(after);
  const seen = new Set<number>();
  after.excelRows.forEach((row, i) => {
    seen.add(row);
    const b = beforeIndex.get(row);
    if (b === undefined) return void out.push(row);
    const x = before.values[b];
    const y = after.values[i];
    const same = x.length === y.length && x.every((v, j) => sameValue(v, y[j]));
    if (!same || ((beforeIssues.has(b) || afterIssues.has(i)) && issueText(beforeIssues.get(b)) !== issueText(afterIssues.get(i))))
      out.push(row);
  });
  for (const row of before.excelRows) if (!seen.has(row)) out.push(row);
  return out;
}

/**
 * The Excel rows to re-check after an edit, ascending. `before` is the table's read from the last
 * check (undefined: never checked — every row of `after`); `after` the read after the edit; both
 * read with `readTable` from the same table layout (a changed header or column layout calls for a
 * full check instead: see `sameLayout`). The result may name rows that no longer hold data (a row
 * cleared by the edit): their old findings must go.
 */
export function rowsToRecheck(
  tpl: TemplateDef,
  before: TableRead | undefined,
  after: TableRead,
  changedExcelRows: Iterable<number>,
): number[] {
  if (before === undefined) return [...after.excelRows].sort((a, b) => a - b);
  if (before.templateId !== tpl.id || after.templateId !== tpl.id)
    throw new Error(`live: reads of "${before.templateId}"/"${after.templateId}" against template "${tpl.id}"`);
  const rows = new Set<number>(changedExcelRows);
  for (const row of differingRows(before, after)) rows.add(row);

  const columns = groupColumns(tpl).map((key) => tpl.columns.findIndex((c) => c.key === key));
  if (columns.length === 0) return [...rows].sort((a, b) => a - b);

  // Rows of each group now, per grouping column.
  const members = columns.map((j) => {
    const byKey = new Map<string, number[]>();
    after.values.forEach((values, i) => {
      const key = groupKey(values[j]);
      if (key === undefined) return;
      const list = byKey.get(key);
      if (list) list.push(after.excelRows[i]);
      else byKey.set(key, [after.excelRows[i]]);
    });
    return byKey;
  });
  const beforeIndex = new Map(before.excelRows.map((row, i) => [row, i]));
  const afterIndex = new Map(after.excelRows.map((row, i) => [row, i]));
  const done = columns.map(() => new Set<string>());
  // Closed under every grouping: a row pulled in for its 供应商 also brings the rest of its
  // 采购需求, or a partial group would give it a wrong count. Usually a handful of rows.
  const work = [...rows];
  while (work.length > 0) {
    const row = work.pop() as number;
    columns.forEach((j, c) => {
      // The groups of the row before the edit (a row of a group that has since changed) and now.
      for (const [read, index] of [
        [before, beforeIndex],
        [after, afterIndex],
      ] as const) {
        const i = index.get(row);
        const key = i === undefined ? undefined : groupKey(read.values[i][j]);
        if (key === undefined || done[c].has(key)) continue;
        done[c].add(key);
        for (const other of members[c].get(key) ?? []) {
          if (rows.has(other)) continue;
          rows.add(other);
          work.push(other);
        }
      }
    });
  }
  return [...rows].sort((a, b) => a - b);
}

/**
 * The rows of a read at the given Excel rows, in the read's order, with their real Excel rows
 * and their read issues (renumbered) — what `validateTable` checks when only those rows are
 * re-checked. Rows not in the read (blank now) are ignored.
 */
export function subRead(read: TableRead, excelRows: Iterable<number>): TableRead {
  const wanted = new Set(excelRows);
  const newIndex = new Map<number, number>();
  const values: (readonly TypedValue[])[] = [];
  const rows: number[] = [];
  read.excelRows.forEach((row, i) => {
    if (!wanted.has(row)) return;
    newIndex.set(i, values.length);
    values.push(read.values[i]);
    rows.push(row);
  });
  const issues: ReadIssue[] = [];
  for (const issue of read.issues) {
    const r = newIndex.get(issue.row);
    if (r !== undefined) issues.push({ ...issue, row: r });
  }
  return { templateId: read.templateId, excelRows: rows, values, present: read.present, issues };
}
