/**
 * The lowest ExcelApi requirement set the Office.js adapter needs (also declared in manifest.xml).
 *
 * 1.13 is forced by `Range.getMergedAreasOrNullObject()`: "structure this range" must refuse
 * merged cells before `tables.add`, and no earlier API tells whether a range holds merged cells.
 * Everything else fits in 1.8: `Range.dataValidation` (1.8, the dropdowns), `freezePanes` and
 * `Worksheet.getRangeByIndexes` (1.7), `getItemOrNullObject` / `getUsedRangeOrNullObject` /
 * `Range.getUsedRangeOrNullObject` (1.4), `format.columnWidth` (1.2), tables, values, number
 * formats and `getSelectedRange` (1.1).
 */
export const REQUIRED_EXCEL_API = "1.13";
