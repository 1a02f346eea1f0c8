import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Rect } from "../core/a1";
import type { SheetMeta, SheetView, ViewCell } from "./sheet-view";
import type { SheetSlice, SheetTab } from "./worker/host";

/** Where a sheet's rows come from: the workbook's worker (RemoteWorkbook.slice). */
export interface RowSource {
  slice(sheet: string, from: number, to: number): Promise<SheetSlice | undefined>;
}

/** Rows asked for beyond the ones shown, so a short scroll finds them ready. */
const AHEAD = 60;
/** Rows read when a sheet is first shown. */
const FIRST_ROWS = 80;

const EMPTY_CELL: ViewCell = { text: "", align: "left" };

/**
 * The sheet the grid shows, read from the worker a slice at a time: its shape and the rows in
 * view (with some ahead), kept until the workbook changes (`revision`) or another sheet is shown.
 * A row not read yet is drawn blank and asked for. Until a new state's rows arrive the old ones
 * stay on screen, so an edit or a check never flashes an empty grid.
 */
export function useSheetView(
  source: RowSource | null,
  sheet: string,
  revision: number,
  onError: (error: unknown) => void,
): {
  view: SheetView | null;
  tabs: readonly SheetTab[];
  showRows: (first: number, last: number) => void;
  showTyped: (rect: Rect, text: string) => void;
} {
  const [meta, setMeta] = useState<SheetMeta | null>(null);
  const [tabs, setTabs] = useState<readonly SheetTab[]>([]);
  const [version, setVersion] = useState(0);
  const cache = useRef(new Map<number, readonly ViewCell[]>());
  // Which request may still fill the cache: answers of an older state or sheet are dropped.
  const generation = useRef(0);
  const shown = useRef({ first: 1, last: FIRST_ROWS });
  const asked = useRef(new Set<string>());
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const accept = (slice: SheetSlice, into: Map<number, readonly ViewCell[]>) => {
    slice.rows.forEach((row, i) => into.set(slice.from + i, row));
  };

  useEffect(() => {
    if (!source) return;
    const gen = ++generation.current;
    const { first, last } = shown.current;
    source.slice(sheet, Math.max(1, first - AHEAD), last + AHEAD).then(
      (slice) => {
        if (gen !== generation.current || !slice) return;
        const next = new Map<number, readonly ViewCell[]>();
        accept(slice, next);
        cache.current = next;
        asked.current = new Set();
        // Same tabs, same array: the page does not redraw its tab strip for every edit.
        setTabs((old) => (JSON.stringify(old) === JSON.stringify(slice.tabs) ? old : slice.tabs));
        setMeta(slice.meta);
        setVersion((v) => v + 1);
      },
      (error: unknown) => onErrorRef.current(error),
    );
  }, [source, sheet, revision]);

  const showRows = useCallback(
    (first: number, last: number) => {
      shown.current = { first, last };
      if (!source || !meta) return;
      const top = Math.max(1, first);
      const bottom = Math.min(meta.rowCount, last);
      let missing = false;
      for (let r = top; r <= bottom && !missing; r++) missing = !cache.current.has(r);
      if (!missing) return;
      const from = Math.max(1, first - AHEAD);
      const to = last + AHEAD;
      const key = `${from}:${to}`;
      if (asked.current.has(key)) return;
      asked.current.add(key);
      const gen = generation.current;
      source.slice(meta.name, from, to).then(
        (slice) => {
          if (gen !== generation.current || !slice) return;
          accept(slice, cache.current);
          setVersion((v) => v + 1);
        },
        (error: unknown) => onErrorRef.current(error),
      );
    },
    [source, meta],
  );

  /**
   * What a person typed (or deleted) shows at once, as in Excel, while the worker stores it; the
   * worker's formatted rows replace it when they arrive (the page reads them after every edit).
   */
  const showTyped = useCallback((rect: Rect, text: string) => {
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = cache.current.get(r);
      if (!row) continue;
      cache.current.set(
        r,
        row.map((cell, c) =>
          c < rect.left || c > rect.right ? cell : { ...cell, text, align: "left" as const, spill: undefined, edit: undefined },
        ),
      );
    }
    setVersion((v) => v + 1);
  }, []);

  const view = useMemo<SheetView | null>(() => {
    if (!meta) return null;
    const blank: readonly ViewCell[] = Array.from({ length: meta.columnCount }, () => EMPTY_CELL);
    const rows = cache.current;
    return { ...meta, row: (r: number) => rows.get(r) ?? blank };
    // `version` is the signal that rows arrived in the same cache.
  }, [meta, version]);

  return { view, tabs, showRows, showTyped };
}
