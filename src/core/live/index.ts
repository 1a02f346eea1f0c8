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
export { LIVE_MODES, DEFAULT_LIVE_MODE, isLiveMode, type LiveMode } from "./mode";
export { isLiveTable, madeByLiaison } from "./live-table";
