import type * as ExcelJS from "exceljs";
import { parseRange } from "../../core/a1";
import { LiaisonError } from "../../core/errors";
import type { SheetChange } from "../../app/port";
import { findSheet } from "./settings-store";

/**
 * Edits of an in-memory workbook, for live validation in the preview page. ExcelJS has no events:
 * the only edits a person makes go through `setCellValue` (the preview grid's cell editor), which
 * tells the watchers. The adapter's own writes (marks, settings, templates, documents) do not go
 * through it, so they never tell anyone — there is nothing to filter out.
 */

type Listener = { readonly change: (c: SheetChange) => void; readonly error: (e: unknown) => void };

export class ChangeHub {
  private readonly listeners = new Set<Listener>();

  subscribe(change: (c: SheetChange) => void, error: (e: unknown) => void): () => Promise<void> {
    const entry: Listener = { change, error };
    this.listeners.add(entry);
    return async () => void this.listeners.delete(entry);
  }

  /** A listener that throws does not keep the others from hearing; its error goes to its own handler. */
  notify(change: SheetChange): void {
    for (const l of [...this.listeners]) {
      try {
        l.change(change);
      } catch (e) {
        l.error(e);
      }
    }
  }
}

/** A plain decimal as a person types it (`12`, `-3.5`, `0.25`, `.5`); `007` keeps its zeros as text. */
const NUMBER = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$|^[+-]?\.\d+$/;

/**
 * What a cell holds after a person types `text` into it, as far as validation can tell: a plain
 * number becomes a number (as Excel would store it); everything else stays text as typed —
 * `=…` never becomes a formula, a date stays its text (the core reads date text), and a
 * text-formatted cell (`@`) keeps even numbers as text. Empty text empties the cell.
 */
export function typedValue(text: string, numFmt: string | undefined): string | number | null {
  if (text === "") return null;
  if (numFmt !== "@" && NUMBER.test(text.trim())) {
    const n = Number(text.trim());
    if (Number.isFinite(n)) return n;
  }
  return text;
}

/** Writes a person's edit of one cell; returns the change to tell watchers. */
export function setCellValue(wb: ExcelJS.Workbook, sheet: string, address: string, text: string): SheetChange {
  if (typeof text !== "string") throw new TypeError("setCellValue: the value is the text as typed");
  const ws = findSheet(wb, sheet);
  if (!ws) throw new LiaisonError("sheetNotFound", { sheet });
  const r = parseRange(address);
  if (!r || r.top !== r.bottom || r.left !== r.right || (r.sheet !== undefined && r.sheet.toLowerCase() !== ws.name.toLowerCase()))
    throw new LiaisonError("invalidAddress", { address });
  // A merged area holds its value in its top-left cell (as in Excel, typing into it edits that cell).
  const cell = ws.getCell(r.top, r.left + 1).master;
  cell.value = typedValue(text, cell.numFmt);
  return { sheet: ws.name, rows: [Number(cell.row)], all: false };
}
