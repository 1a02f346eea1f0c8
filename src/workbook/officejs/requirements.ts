/**
 * The lowest ExcelApi requirement set the Office.js adapter needs (also declared in manifest.xml).
 *
 * 1.13 is forced by `Range.getMergedAreasOrNullObject()`: "structure this range" must refuse
 * merged cells before `tables.add`, and no earlier API tells whether a range holds merged cells.
 * Everything else fits in 1.9:
 * - 1.9: `Worksheet.getRanges` and `RangeAreas.conditionalFormats` (one mark format over many
 *   cells), `Range.getTables` (the table under the active cell); documents: `Workbook.getSelectedRanges`
 *   with `RangeAreas.areas`/`worksheet` (a selection of several areas), `RangeAreas.format` (one style
 *   over many cells), `Worksheet.pageLayout` (A4, orientation, zoom fit-to-width, margins,
 *   `setPrintArea`, `setPrintTitleRows`, `headersFooters.defaultForAllPages.centerFooter`);
 * - 1.8: `Range.dataValidation` (the dropdowns);
 * - 1.7: `Workbook.getActiveCell`, `freezePanes`, `Worksheet.getRangeByIndexes`;
 * - 1.6: conditional formats (`add("Custom")`, `type`, `custom`/`customOrNullObject`, `rule.formula`,
 *   `format.fill.color`, `format.font.color`, `delete`);
 * - 1.4: `getItemOrNullObject`, `getUsedRangeOrNullObject` (sheet and range);
 * - 1.3: `Range.getVisibleView().cellAddresses` (rows hidden by a filter, without a load per row);
 * - 1.2: `Worksheet.protection.protected`, setting `Worksheet.visibility` (hiding the settings sheet),
 *   `format.columnWidth`, `format.rowHeight`, `Range.merge`;
 * - 1.1: tables, values, number formats, `getSelectedRange`, `activate`, `Range.select`, `Range.clear`,
 *   font, fill, alignment, wrap and borders of `RangeFormat`.
 */
export const REQUIRED_EXCEL_API = "1.13";
