export type { DocBlock, DocField, DocTableColumn, DocumentKind, DocumentModel, RegisterEntry } from "./model";
export { REGISTER_SHEET } from "./model";
export type { CellStyle, LayoutCell, LayoutMerge, SheetLayout } from "./sheet-layout-types";
export { buildDocuments, DOCUMENT_SOURCES, MAX_DOCUMENT_ROWS, type BuildInput, type BuildResult } from "./build";
export type { SkippedRow } from "./context";
export { createNumberer, formatDocumentNumber, parseDocumentNumber, MINUTES_PREFIX, REMINDER_PREFIX, type Numberer } from "./numbering";
export { readSelectedRows } from "./read-selected";
export { documentSheetLayout, displayWidth, estimateLines, GRID_COLUMNS, GRID_WIDTH } from "./sheet-layout";
export { rowRanges } from "./table-view";
