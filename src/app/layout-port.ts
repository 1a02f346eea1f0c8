import type { CorrectionRequest, LayoutCorrection } from "../core/layout/corrections";
import type { WorkbookLayout } from "../core/layout/locate";

export type { CorrectionRequest, CorrectionKind, CorrectionState, LayoutCorrection } from "../core/layout/corrections";
export type { WorkbookLayout } from "../core/layout/locate";

/**
 * Layout corrections (issue 10): what the 表格 tab shows — the tables as located, each table's
 * header rows, data range and skipped rows — and a person's corrections of it, stored in the
 * workbook (core corrections-sheet.ts) so that every front end honours them. Every adapter reads
 * them with the sheets it locates tables in; these operations show and change them.
 */
export interface LayoutPort {
  /** The tables with the stored corrections applied, each correction's state, unreadable stored rows. */
  readLayout(): Promise<WorkbookLayout>;
  /**
   * Adds the correction a person asked for, anchored on the table as located now (sheet, header
   * row and text, the row's text). One command; a request that does not fit (the table changed
   * meanwhile) is a LiaisonError and changes nothing.
   */
  addLayoutCorrection(request: CorrectionRequest): Promise<void>;
  /** Removes that stored correction (undo); the corrections sheet goes when the last one does. */
  removeLayoutCorrection(correction: LayoutCorrection): Promise<void>;
}
