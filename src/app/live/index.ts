/**
 * Live validation as a use case: the session that listens to a workbook's changes through the
 * ports, re-checks the changed rows with the core's pure re-check (core/live) and updates the
 * marks; and its debouncer, which needs the host's timer. Both live here, outside the core,
 * because they wait on time and talk to ports.
 */
export { createDebouncer, hostTimer, type Batch, type Debouncer, type DebouncerOptions, type Timer } from "./debounce";
export { startLiveSession, DEFAULT_LIVE_DEBOUNCE_MS, type LiveSession, type LiveSessionOptions } from "./session";
