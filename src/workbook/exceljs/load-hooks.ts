import type * as ExcelJS from "exceljs";
import { LiaisonError } from "../../core/errors";
import { readWorkbookProps } from "../ooxml/workbook-props";
import { readZip } from "../ooxml/zip";

/** How far ExcelJS has read a file: its worksheet parts one by one, by characters of XML parsed. */
export interface LoadProgress {
  /** Worksheet parts read so far, counting the one being read (1-based); 0 while unzipping. */
  readonly sheet: number;
  readonly sheets: number;
  /** Characters of the current worksheet part parsed, of its uncompressed size (≈ bytes: sheet XML is ASCII). */
  readonly done: number;
  readonly total: number;
}

export interface LoadHooks {
  readonly onProgress?: (progress: LoadProgress) => void;
}

/** ExcelJS's XLSX reader, as far as the hooks below reach into it (methods of lib/xlsx/xlsx.js, kept by its dist build). */
interface XlsxInternals {
  parseWorkbook(stream: unknown): Promise<{ properties?: { date1904?: boolean } }>;
  _processWorksheetEntry(stream: AsyncIterable<unknown>, model: unknown, sheetNo: string, options: unknown, path: string): Promise<void>;
}

const WORKSHEET_PART = /^\/?xl\/worksheets\/sheet\d+\.xml$/;

/**
 * Prepares `wb.xlsx` for `load(bytes)`:
 * - the date system as the file means it: LibreOffice writes `<workbookPr date1904="true"/>`, which
 *   ExcelJS reads as the 1900 system (it only knows `"1"`), putting every date four years early.
 *   The streaming reader (`ooxml/workbook-props.ts`, both spellings) reads the workbook part, and
 *   ExcelJS's parsed workbook properties are corrected before its cells are reconciled into dates.
 * - progress: each worksheet part ExcelJS parses is counted as its XML chunks go by.
 * A package the streaming reader cannot open is left to ExcelJS, which gives its own verdict.
 */
export function hookLoad(wb: ExcelJS.Workbook, bytes: Uint8Array, hooks: LoadHooks = {}): void {
  const xlsx = wb.xlsx as unknown as XlsxInternals;
  let date1904: boolean | undefined;
  try {
    date1904 = readWorkbookProps(bytes).date1904;
  } catch (error) {
    if (!(error instanceof LiaisonError)) throw error;
  }
  if (date1904) {
    const parseWorkbook = xlsx.parseWorkbook.bind(xlsx);
    xlsx.parseWorkbook = async (stream) => {
      const parsed = await parseWorkbook(stream);
      return { ...parsed, properties: { ...parsed.properties, date1904: true } };
    };
  }
  const onProgress = hooks.onProgress;
  if (!onProgress) return;
  const sizes = worksheetSizes(bytes);
  const sheets = sizes.length;
  let sheet = 0;
  onProgress({ sheet: 0, sheets, done: 0, total: 0 });
  const processWorksheet = xlsx._processWorksheetEntry.bind(xlsx);
  xlsx._processWorksheetEntry = (stream, model, sheetNo, options, path) => {
    sheet += 1;
    const index = sheet;
    const total = sizes[index - 1] ?? 0;
    async function* counted(): AsyncGenerator<unknown> {
      let done = 0;
      onProgress?.({ sheet: index, sheets, done, total });
      try {
        for await (const chunk of stream) {
          done += typeof chunk === "string" || chunk instanceof Uint8Array ? chunk.length : 0;
          onProgress?.({ sheet: index, sheets, done: Math.min(done, total), total });
          yield chunk;
        }
      } finally {
        // ExcelJS stops pulling at the closing tag, and characters undercount non-ASCII bytes: the part is read now.
        onProgress?.({ sheet: index, sheets, done: total, total });
      }
    }
    return processWorksheet(counted(), model, sheetNo, options, path);
  };
}

/** Uncompressed sizes of the worksheet parts ExcelJS reads, in zip order (the order it reads them). */
function worksheetSizes(bytes: Uint8Array): number[] {
  try {
    // The central directory only: cheap, and the same reader the CLI trusts.
    return readZip(bytes)
      .entries.filter((e) => WORKSHEET_PART.test(e.name))
      .map((e) => e.size);
  } catch (error) {
    if (error instanceof LiaisonError) return [];
    throw error;
  }
}
