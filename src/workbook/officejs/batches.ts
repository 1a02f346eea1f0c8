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

/**
 * Reads. A read's size is not known before it is made: 20,000 cells of numbers are ~0.8 MB, the
 * same cells of long Chinese text can pass Excel on the web's 5 MB response limit. So reads are
 * cut by cells (MAX_CELLS_PER_BATCH) and by an estimate of their bytes — learned from what the
 * previous batches of the same read returned, READ_BYTES_PER_CELL to start — and when Excel still
 * answers `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded` (their codes in
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling),
 * the batch is split in two and asked again: a read changes nothing, so asking again is safe.
 */
export const MAX_READ_BYTES = 2_000_000;
/** Excel on the web's limit of a request or a response. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** First guess of a loaded cell's JSON (value, type and number format), before any is measured. */
export const READ_BYTES_PER_CELL = 40;

const PAYLOAD_ERRORS = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/** True for Office's "payload too large" answer (Excel on the web). */
export function isPayloadTooLarge(error: unknown): boolean {
  return typeof error === "object" && error !== null && PAYLOAD_ERRORS.has(String((error as { code?: unknown }).code));
}

/** Rows `first`…`first + count - 1` (any numbering the caller uses) of a read. */
export interface ReadPiece {
  readonly first: number;
  readonly count: number;
}

/**
 * Reads `pieces` (row runs of `width` cells each), several to a batch, each batch within
 * MAX_CELLS_PER_BATCH cells and MAX_READ_BYTES of estimated JSON. `queue` queues the loads of one
 * piece; `payload` gives what came back (to measure it). Returns the pieces as read, in order —
 * a piece may come back cut in several. Syncs: one per batch; more only for long content.
 */
export async function readPieces<T>(
  context: Excel.RequestContext,
  pieces: readonly ReadPiece[],
  width: number,
  queue: (piece: ReadPiece) => T,
  payload: (loaded: T) => unknown,
): Promise<{ piece: ReadPiece; loaded: T }[]> {
  const cellsOf = (p: ReadPiece): number => p.count * Math.max(1, width);
  const todo = [...pieces].filter((p) => p.count > 0);
  const out: { piece: ReadPiece; loaded: T }[] = [];
  let bytesPerCell = READ_BYTES_PER_CELL;
  while (todo.length > 0) {
    // Take pieces while they fit; cut the first one to fit when it alone is too big.
    const maxCells = Math.max(1, Math.min(MAX_CELLS_PER_BATCH, Math.floor(MAX_READ_BYTES / bytesPerCell)));
    const batch: ReadPiece[] = [];
    let cells = 0;
    while (todo.length > 0) {
      const next = todo[0];
      if (cells + cellsOf(next) <= maxCells) {
        batch.push(todo.shift() as ReadPiece);
        cells += cellsOf(next);
        continue;
      }
      if (batch.length === 0) {
        const rows = Math.min(next.count, Math.max(1, Math.floor(maxCells / Math.max(1, width))));
        if (rows < next.count) todo[0] = { first: next.first + rows, count: next.count - rows };
        else todo.shift();
        batch.push({ first: next.first, count: rows });
        cells += rows * Math.max(1, width);
      }
      break;
    }
    const queued = batch.map((piece) => ({ piece, loaded: queue(piece) }));
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk, not per row
      await context.sync();
    } catch (error) {
      const cut = splitBatch(batch);
      if (!isPayloadTooLarge(error) || !cut) throw error;
      todo.unshift(...cut);
      // This batch passed the 5 MB limit: its cells weigh at least 5 MB / cells each.
      bytesPerCell = Math.max(bytesPerCell * 2, PAYLOAD_LIMIT_BYTES / Math.max(1, cells));
      continue;
    }
    const bytes = queued.reduce((n, q) => n + jsonBytes(payload(q.loaded)), 0);
    bytesPerCell = Math.max(READ_BYTES_PER_CELL, bytes / Math.max(1, cells));
    out.push(...queued);
  }
  return out;
}

/** A batch in two: its pieces halved, or its one piece's rows halved; undefined for one row. */
function splitBatch(batch: readonly ReadPiece[]): ReadPiece[] | undefined {
  if (batch.length > 1) return [...batch];
  const [p] = batch;
  if (p.count <= 1) return undefined;
  const half = Math.floor(p.count / 2);
  return [
    { first: p.first, count: half },
    { first: p.first + half, count: p.count - half },
  ];
}
