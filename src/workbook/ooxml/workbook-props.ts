import { openPackage } from "./reader";
import { partText } from "./package";
import { attr, parseXml, xsdTrue } from "./xml";

/** What the workbook part says about the whole workbook, read without reading any sheet. */
export interface WorkbookProps {
  /** Dates count from 1904: `<workbookPr date1904="1"/>` (Excel) or `"true"` (LibreOffice), both xsd:boolean. */
  readonly date1904: boolean;
}

/**
 * Reads the workbook part's `workbookPr` through the package's relationships (the zip's central
 * directory and one small part; no sheet is inflated). For readers that only understand one
 * spelling of an attribute — ExcelJS reads `date1904` as true only when it is `"1"` — so they can be
 * told what the file means. Throws the reader's LiaisonError for a file that is not a workbook.
 */
export function readWorkbookProps(bytes: Uint8Array): WorkbookProps {
  const { zip, workbookPart } = openPackage(bytes);
  let date1904 = false;
  const text = partText(zip, workbookPart);
  if (text !== undefined) {
    parseXml(workbookPart, text, {
      open(tag) {
        if (tag.local === "workbookPr") date1904 = xsdTrue(attr(tag, "date1904"));
      },
    });
  }
  return { date1904 };
}
