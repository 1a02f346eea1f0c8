import { expose } from "comlink";
import { checkInWorker } from "../../app/validate/worker-client";
import { installErrorHandler } from "./errors";
import { WorkbookHost } from "./host";

/**
 * The preview's workbook thread: ExcelJS parsing a file, validation's reads, writing and clearing
 * 50,000 rows of marks and a person's edits all run here, so the page never freezes on them.
 * webpack bundles this file (with ExcelJS) as a chunk of its own, found through
 * `new Worker(new URL("./workbook.worker.ts", import.meta.url))` in remote-workbook.ts.
 */
installErrorHandler();
// A big check runs in a worker of its own, started from here: 取消 terminates it at once, and
// this worker stays free to answer the grid's reads meanwhile.
expose(new WorkbookHost({ checker: checkInWorker }));
