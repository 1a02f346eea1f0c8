/**
 * Generation as a use case: documents built from selected rows and written as sheets or rendered
 * to a file, their numbers recorded in the register — the same steps for the pane, the ribbon and
 * `liaison generate`.
 */
export { documentsToWrite, generateDocuments, type Generated, type GenerateOptions, type GenerateWorkbook } from "./build";
export {
  generateFile,
  generateSheets,
  type ConfirmRepeats,
  type FileOptions,
  type RunOptions,
  type SheetsResult,
  type SheetsWorkbook,
  type WordFile,
} from "./flows";
