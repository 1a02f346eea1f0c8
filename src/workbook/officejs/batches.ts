/**
 * Payload limits. Office rejects a request or response over 5 MB (Excel on the web), so cell data
 * is moved in row chunks that keep every batch well under 4 MB; everything else about a command
 * (sheet, table, formats, dropdowns) is a handful of small operations.
 *
 * N = MAX_CELLS_PER_BATCH = 20,000 cells per batch, reading or writing. A read loads three
 * matrices (values, valueTypes, numberFormat): at ~40 bytes a cell that is ~0.8 MB. Writes are
 * also cut by their JSON size (MAX_WRITE_BYTES), so long texts cannot push a batch over the limit.
 * Below N cells a command runs a fixed number of syncs whatever its row count.
 */
export const MAX_CELLS_PER_BATCH = 20_000;
export const MAX_WRITE_BYTES = 1_500_000;

export interface RowChunk {
  /** 0-based offset of the chunk's first row. */
  readonly start: number;
  readonly count: number;
}

/** Row chunks of at most N cells (and, when `rowBytes` is given, MAX_WRITE_BYTES of JSON). */
export function rowChunks(rowCount: number, columnCount: number, rowBytes?: (row: number) => number): RowChunk[] {
  const maxRows = Math.max(1, Math.floor(MAX_CELLS_PER_BATCH / Math.max(1, columnCount)));
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < rowCount; r++) {
    const b = rowBytes ? rowBytes(r) : 0;
    const count = r - start;
    if (count > 0 && (count >= maxRows || bytes + b > MAX_WRITE_BYTES)) {
      chunks.push({ start, count });
      start = r;
      bytes = 0;
    }
    bytes += b;
  }
  if (rowCount > start) chunks.push({ start, count: rowCount - start });
  return chunks;
}

/** JSON bytes of a row as it travels in a request (UTF-8: CJK text is 3 bytes a character). */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
