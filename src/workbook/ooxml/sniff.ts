import { LiaisonError } from "../../core/errors";
import { entryText, type ZipArchive } from "./zip";

/**
 * What a file is when it is not an .xlsx, told from its bytes (never from its name): each kind
 * gets its own message saying what to do. Called before and while opening the package.
 */

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Rejects bytes that cannot be a zip package, naming what they are; returns normally for a zip. */
export function sniffBytes(b: Uint8Array): void {
  if (OLE_SIGNATURE.every((v, i) => b[i] === v)) {
    // Password-protected .xlsx files and old .xls files are both OLE compound files. Stream names
    // are stored in UTF-16LE in the directory, so a byte search for the name tells them apart.
    if (containsUtf16(b, "EncryptionInfo")) throw new LiaisonError("encryptedFile");
    throw new LiaisonError("legacyXlsFile");
  }
  const zip = b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
  if (zip) return;
  if (looksLikeText(b)) throw new LiaisonError("textNotWorkbook");
  throw new LiaisonError("unreadableFile");
}

/** Rejects a zip that is another kind of document, from its own declarations. */
export function sniffZip(zip: ZipArchive, workbookContentType: string | undefined): void {
  const mimetype = zip.byName.get("mimetype");
  if (mimetype) {
    const type = entryText(zip, mimetype).trim();
    if (type === "application/vnd.oasis.opendocument.spreadsheet" || type === "application/vnd.oasis.opendocument.spreadsheet-template") {
      throw new LiaisonError("odsFile");
    }
  }
  if (zip.entries.some((e) => /^Index\/.*\.iwa$/i.test(e.name) || e.name === "Index.zip")) throw new LiaisonError("numbersFile");
  if (workbookContentType?.startsWith("application/vnd.ms-excel.sheet.binary")) throw new LiaisonError("xlsbFile");
  if (!zip.byName.has("[content_types].xml")) throw new LiaisonError("unreadableFile");
}

/** Content types of the workbook parts this reader reads (.xlsx, .xlsm, .xltx, .xltm, .xlam). */
export const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
]);

function containsUtf16(b: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Text (UTF-16 with a BOM, or bytes without controls in the first KB): CSV, HTML, XML. */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  // A CSV saved in GBK is as common in China as one in UTF-8: no control bytes is enough.
  for (const c of b.subarray(0, 1024)) if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) return false;
  return true;
}
