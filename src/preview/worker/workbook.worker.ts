import { expose } from "comlink";
import { installErrorHandler } from "./errors";
import { WorkbookHost } from "./host";

/**
 * The preview's workbook thread: ExcelJS parsing a file, validation's reads, writing and clearing
 * 50,000 rows of marks and a person's edits all run here, so the page never freezes on them.
 * webpack bundles this file (with ExcelJS) as a chunk of its own, found through
 * `new Worker(new URL("./workbook.worker.ts", import.meta.url))` in remote-workbook.ts.
 */
installErrorHandler();
expose(new WorkbookHost());
