import type { DocumentKind } from "../../core/documents";
import type { Generated } from "../../app/generate";
import type { SheetsResult } from "./run";

/** What one press of a 文书 button produced, kept for display beside that kind's buttons. */
export type Outcome =
  | { readonly op: "sheets"; readonly kind: DocumentKind; readonly result: SheetsResult }
  | { readonly op: "word"; readonly kind: DocumentKind; readonly generated: Generated; readonly file: string; readonly template?: string }
  /** The person declined to repeat documents sent before: nothing was written. */
  | { readonly op: "cancelled"; readonly kind: DocumentKind };

export type Op = Exclude<Outcome["op"], "cancelled">;

export const DOCUMENT_KINDS: readonly DocumentKind[] = ["minutes", "notice", "reminder"];
