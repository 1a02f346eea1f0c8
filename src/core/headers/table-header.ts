import { rangeAddress, type Rect } from "../a1";
import { LiaisonError } from "../errors";

/**
 * "Structure this range" never changes a value, and Excel turns a table's header row into
 * distinct text (blank → `Column1`, `2024` → "2024", a second `备注` → `备注2`). So a header row
 * that is not distinct text is refused — the same decision in every adapter, before any change.
 * `header` holds the header row's cell values from the rect's left column (text as strings).
 */
export function assertTableHeader(header: readonly unknown[], rect: Rect): void {
  const seen = new Set<string>();
  const bad: string[] = [];
  header.forEach((v, i) => {
    const key = typeof v === "string" ? v.toLowerCase() : "";
    if (key.trim() === "" || seen.has(key))
      bad.push(rangeAddress({ top: rect.top, bottom: rect.top, left: rect.left + i, right: rect.left + i }));
    seen.add(key);
  });
  if (bad.length > 0) throw new LiaisonError("tableHeaderNotText", { cells: bad.join(", ") });
}
