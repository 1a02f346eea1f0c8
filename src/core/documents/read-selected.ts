import type { DayNumber } from "../cells/types";
import { readTable, type TableRead } from "../table/read-table";
import type { TemplateDef } from "../templates/types";
import type { SelectedRows } from "../layout/types";

/**
 * Reads selected rows for `buildDocuments`. A selection need not be contiguous (rows 5, 7–9), so
 * the rows are read with `readTable` and each row read gets back its own Excel row from
 * `excelRows` (readTable alone would number them consecutively from the first).
 */
export function readSelectedRows(tpl: TemplateDef, selected: SelectedRows, today: DayNumber): TableRead {
  const read = readTable(tpl, selected.table.columns, selected.body, { today, firstExcelRow: 0 });
  return { ...read, excelRows: read.excelRows.map((i) => selected.excelRows[i]) };
}
