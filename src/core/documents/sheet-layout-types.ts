/**
 * A document laid out as a worksheet, as data both workbook adapters apply the same way
 * (`sheet-layout.ts` builds it from a DocumentModel). Adapters only translate these fields to
 * their API; they decide nothing about the document.
 */

export interface CellStyle {
  readonly bold?: boolean;
  /** Points. */
  readonly fontSize?: number;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
  readonly wrap?: boolean;
  /** `#RRGGBB`. */
  readonly fill?: string;
  readonly fontColor?: string;
  /** Thin border on all four sides. */
  readonly border?: boolean;
  /** Dashed top border (the receipt's cut line). */
  readonly dashedTop?: boolean;
  /** Typeface, named as Chinese Office and WPS know it (`宋体`, `黑体`); absent = the workbook's default. */
  readonly fontName?: string;
  /** A thick bottom border in this colour (`#RRGGBB`): the red rule under a 红头 letterhead. */
  readonly bottomRule?: string;
}

export interface LayoutCell {
  /** 1-based Excel row. */
  readonly row: number;
  /** 0-based column. */
  readonly col: number;
  /** Always written as text (number format `@`), never as a formula. */
  readonly text: string;
  readonly style?: CellStyle;
}

export interface LayoutMerge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetLayout {
  readonly sheetName: string;
  readonly cells: readonly LayoutCell[];
  readonly merges: readonly LayoutMerge[];
  /** Excel character units, one per column from A. */
  readonly columnWidths: readonly number[];
  /** Points, by 1-based row; rows not listed keep the default height. */
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly print: {
    readonly paper: "A4";
    readonly orientation: "portrait" | "landscape";
    /** Fit all columns on one page width (height free). */
    readonly fitToWidth: true;
    /** A1 range, e.g. `A1:F40`. */
    readonly printArea: string;
    /** Rows repeated at the top of each printed page, e.g. `1:2`; undefined for none. */
    readonly titleRows?: string;
    /** Centre footer text; adapters append the page number with their own field code. */
    readonly footer: string;
    /** The page counter in the document's language, `{page}`/`{total}` for the field codes (`第 {page} 页 / 共 {total} 页`). */
    readonly pageCounter?: string;
    /** Margins in inches. */
    readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  };
}
