import type { Rect } from "../../core/a1";
import { areasOf, overlaps } from "./rects";

/**
 * The merged areas that overlap `rect` on a sheet.
 *
 * Two Office limits shape the questions asked:
 * - `getMergedAreasOrNullObject` reports an area only when its top-left cell lies in the range
 *   asked about (office-js #3611), so an area reaching into `rect` from above or from the left
 *   is found only by asking above and left of it too: the rect itself, the rows above it (up to
 *   its right edge) and its rows to its left — nothing below or right of it;
 * - it "will fail to return the result" when the range holds more than 512 merged areas
 *   (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)),
 *   so a report sheet full of merged labels fails. A failed question is cut in half (rows, then
 *   columns) and asked again, all halves in one batch: one more sync per halving, at most
 *   MAX_HALVINGS (up to 512 × 2^MAX_HALVINGS areas), whatever the number of rows.
 */
export const MAX_HALVINGS = 8;

export async function mergedAreasOverlapping(context: Excel.RequestContext, sheet: Excel.Worksheet, rect: Rect): Promise<Rect[]> {
  let regions: Rect[] = [
    rect,
    { top: 1, bottom: rect.top - 1, left: 0, right: rect.right },
    { top: rect.top, bottom: rect.bottom, left: 0, right: rect.left - 1 },
  ].filter((r) => r.top <= r.bottom && r.left <= r.right);
  const found: Rect[] = [];
  for (let round = 0; regions.length > 0; round++) {
    const asked = regions.map((r) =>
      sheet
        .getRangeByIndexes(r.top - 1, r.left, r.bottom - r.top + 1, r.right - r.left + 1)
        .getMergedAreasOrNullObject()
        .load("address"),
    );
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per halving of an over-full question, not per row
      await context.sync();
    } catch (error) {
      // Which question failed is not known: every one that can be is halved.
      const halves = regions.flatMap(halve);
      if (round >= MAX_HALVINGS || halves.length === regions.length) throw error;
      regions = halves;
      continue;
    }
    for (const a of asked) if (!a.isNullObject) found.push(...areasOf(a.address).filter((m) => overlaps(m, rect)));
    regions = [];
  }
  return found;
}

/** Two halves of a region (by rows while it has several, then by columns); a single cell stays whole. */
function halve(r: Rect): Rect[] {
  if (r.bottom > r.top) {
    const mid = Math.floor((r.top + r.bottom) / 2);
    return [
      { ...r, bottom: mid },
      { ...r, top: mid + 1 },
    ];
  }
  if (r.right > r.left) {
    const mid = Math.floor((r.left + r.right) / 2);
    return [
      { ...r, right: mid },
      { ...r, left: mid + 1 },
    ];
  }
  return [r];
}
