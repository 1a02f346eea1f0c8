/** A1 addresses: column letters, cell and range references (0-based indices inside, 1-based rows outside). */

export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `B3` for column index 1, Excel row 3. */
export function cellAddress(column0: number, row1: number): string {
  return `${columnLetter(column0)}${row1}`;
}

/** Rectangle of a range: 0-based columns, 1-based Excel rows, inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function rangeAddress(r: Rect): string {
  const a = cellAddress(r.left, r.top);
  const b = cellAddress(r.right, r.bottom);
  return a === b ? a : `${a}:${b}`;
}

/**
 * Parses `B3`, `B3:F20`, `$B$3:$F$20`, `Sheet1!B3:F20`, `'My sheet'!B3`, whole columns `A:C`
 * (rows 1..1048576) and whole rows `2:5` (columns A..XFD). Returns undefined when malformed.
 */
export function parseRange(address: string): (Rect & { sheet?: string }) | undefined {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheet = text
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  text = text.replace(/\$/g, "").toUpperCase();
  const [p, q = p] = text.split(":");
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d+)$/;
  let m1 = cell.exec(p);
  let m2 = cell.exec(q);
  if (m1 && m2) {
    const rect = norm(columnIndex(m1[1]), Number(m1[2]), columnIndex(m2[1]), Number(m2[2]));
    return rect && { ...rect, sheet };
  }
  m1 = col.exec(p);
  m2 = col.exec(q);
  if (m1 && m2) {
    const rect = norm(columnIndex(m1[1]), 1, columnIndex(m2[1]), MAX_ROWS);
    return rect && { ...rect, sheet };
  }
  m1 = row.exec(p);
  m2 = row.exec(q);
  if (m1 && m2) {
    const rect = norm(0, Number(m1[1]), MAX_COLUMNS - 1, Number(m2[1]));
    return rect && { ...rect, sheet };
  }
  return undefined;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

function norm(c1: number, r1: number, c2: number, r2: number): Rect | undefined {
  if (r1 < 1 || r2 < 1 || r1 > MAX_ROWS || r2 > MAX_ROWS || c1 >= MAX_COLUMNS || c2 >= MAX_COLUMNS) return undefined;
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}
