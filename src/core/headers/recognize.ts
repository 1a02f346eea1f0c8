import type { Rect } from "../a1";
import type { RawCell } from "../cells/types";
import { LiaisonError } from "../errors";
import { getTemplate, TEMPLATES } from "../templates";
import type { TemplateDef } from "../templates/types";
import {
  headerVocabulary,
  isBlank,
  matchHeadersIn,
  recognizeGridIn,
  DEFAULT_MAX_HEADER_ROWS,
  type GridRecognition,
  type HeaderMatch,
  type HeaderVocabulary,
} from "./match";

/**
 * Header recognition against the template catalog: which template a header row (or a grid with a
 * header somewhere in its first rows) belongs to, and how a selection becomes an Excel table.
 */

export { headerCellText, normalizeHeader, parseHeader, type ParsedHeader, type GridRecognition, type HeaderMatch } from "./match";

function pick(templateIds?: readonly string[]): readonly TemplateDef[] {
  return templateIds ? templateIds.map(getTemplate) : TEMPLATES;
}

/** The catalog template (or one of `templateIds`) this header row belongs to; undefined when none fits. */
export function matchHeaders(headers: readonly (string | null)[], templateIds?: readonly string[]): HeaderMatch | undefined {
  return matchHeadersIn(headers, pick(templateIds));
}

/** Finds a header row of a catalog template in the first `maxHeaderRows` rows of `grid`. */
export function recognizeGrid(
  grid: readonly (readonly RawCell[])[],
  maxHeaderRows: number = DEFAULT_MAX_HEADER_ROWS,
): GridRecognition | undefined {
  return recognizeGridIn(grid, TEMPLATES, maxHeaderRows);
}

export interface StructurePlan {
  /** The table to create: header row = `rect.top` (1-based rows, 0-based columns, as in a1.ts). */
  readonly rect: Rect;
  readonly match: GridRecognition;
}

/**
 * Plans "structure this selection as a table": `values` are the selection's cells, `selection`
 * where they are. The table starts at the recognised header row (a title above it stays outside),
 * spans the header's non-empty columns and ends at the last non-empty data row. With no data row
 * it keeps one row below the header when the selection has one (an Excel table needs a body row).
 */
export function planStructure(values: readonly (readonly RawCell[])[], selection: Rect): StructurePlan {
  if (values.every((row) => row.every(isBlank))) throw new LiaisonError("emptySelection");
  const match = recognizeGrid(values);
  if (!match) throw new LiaisonError("noTemplateMatch");
  const top = selection.top + match.headerRowOffset;
  const bodyRows = match.dataRows > 0 ? match.dataRows : selection.bottom > top ? 1 : 0;
  return {
    rect: { top, bottom: top + bodyRows, left: selection.left + match.firstColumn, right: selection.left + match.lastColumn },
    match,
  };
}

let catalogVocabulary: HeaderVocabulary | undefined;

/** The catalog's header words (see `headerVocabulary`), built on first use. */
export function knownHeaderText(text: string): boolean {
  catalogVocabulary ??= headerVocabulary(TEMPLATES);
  return catalogVocabulary.knows(text);
}
