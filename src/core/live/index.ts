export { rowsToRecheck, subRead, differingRows, groupColumns } from "./rows";
export {
  recheck,
  mergeFindings,
  recheckTable,
  sameLayout,
  type RecheckResult,
  type TableRecheckInput,
  type TableRecheckResult,
} from "./recheck";
export { createDebouncer, hostTimer, type Batch, type Debouncer, type DebouncerOptions, type Timer } from "./debounce";
export { LIVE_MODES, DEFAULT_LIVE_MODE, isLiveMode, type LiveMode } from "./mode";
export { isLiveTable, madeByLiaison } from "./live-table";
export { startLiveSession, DEFAULT_LIVE_DEBOUNCE_MS, type LiveSession, type LiveSessionOptions } from "./session";
