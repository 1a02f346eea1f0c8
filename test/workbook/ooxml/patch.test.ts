import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { OoxmlWorkbook } from "../../../src/workbook/ooxml/workbook";
import { MARK_SIGNATURE, type Mark } from "../../../src/core/marks/mark";
import { ACTION_HEADER, book, CT, MAIN, REL, T, textRow, worksheet } from "./package-builder";

/**
 * Copies written by patching the package: the parts Liaison does not change (a chart, a pivot
 * table and its cache, a VBA project, the workbook's content type) come out byte for byte; the
 * marks land where the worksheet schema wants them; the copy reads back in ExcelJS, in the
 * streaming reader and in LibreOffice.
 */

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'待办事项'!$G$2:$G$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
const PIVOT_CACHE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A1:F3" sheet="待办事项"/></cacheSource><cacheFields count="1"><cacheField name="负责人" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`;
const PIVOT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN}" name="透视表1" cacheId="1" dataCaption="值" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1"><location ref="A1:A2" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="1"><pivotField axis="axisRow" showAll="0"><items count="1"><item t="default"/></items></pivotField></pivotFields><rowFields count="1"><field x="0"/></rowFields></pivotTableDefinition>`;
const VBA = new Uint8Array(Array.from({ length: 1536 }, (_, i) => (i * 37 + 11) & 0xff));

/** 待办事项 with a blank 负责人 (an error finding), merges and a validation after sheetData, a drawing; a pivot on its own sheet; VBA. */
function richBook(): Uint8Array {
  const rows =
    textRow(1, [...ACTION_HEADER]) + textRow(2, ["整理纪要", null, null, "进行中"]) + textRow(3, ["排期", "王伟", null, "未开始"]);
  const after =
    `<mergeCells count="1"><mergeCell ref="H1:I1"/></mergeCells>` +
    `<conditionalFormatting sqref="A2:A3"><cfRule type="containsBlanks" priority="1"><formula>LEN(TRIM(A2))=0</formula></cfRule></conditionalFormatting>` +
    `<dataValidations count="1"><dataValidation type="list" sqref="D2:D3"><formula1>"未开始,进行中,已完成"</formula1></dataValidation></dataValidations>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rIdDr"/>`;
  return book({
    sheets: [
      { name: "待办事项", xml: worksheet(rows, after), rels: [{ id: "rIdDr", type: T.drawing, target: "../drawings/drawing1.xml" }] },
      { name: "透视", xml: worksheet(""), rels: [{ id: "rIdPt", type: T.pivotTable, target: "../pivotTables/pivotTable1.xml" }] },
    ],
    workbookContentType: CT.xlsm,
    workbookRels: [
      { id: "rIdPc", type: T.pivotCacheDefinition, target: "pivotCache/pivotCacheDefinition1.xml" },
      { id: "rIdVba", type: T.vbaProject, target: "vbaProject.bin" },
    ],
    workbookExtra: `<pivotCaches><pivotCache cacheId="1" r:id="rIdPc"/></pivotCaches>`,
    parts: {
      "xl/drawings/drawing1.xml": DRAWING,
      "xl/drawings/_rels/drawing1.xml.rels": `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${T.chart}" Target="../charts/chart1.xml"/></Relationships>`,
      "xl/charts/chart1.xml": CHART,
      "xl/pivotCache/pivotCacheDefinition1.xml": PIVOT_CACHE,
      "xl/pivotTables/pivotTable1.xml": PIVOT_TABLE,
      "xl/pivotTables/_rels/pivotTable1.xml.rels": `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${T.pivotCacheDefinition}" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
      "xl/vbaProject.bin": VBA,
    },
    overrides: {
      "xl/drawings/drawing1.xml": CT.drawing,
      "xl/charts/chart1.xml": CT.chart,
      "xl/pivotCache/pivotCacheDefinition1.xml": CT.pivotCacheDefinition,
      "xl/pivotTables/pivotTable1.xml": CT.pivotTable,
    },
    defaults: { bin: CT.vba },
  });
}

const MARKS: Mark[] = [
  { sheet: "待办事项", cell: "B2", severity: "error", message: "负责人为空" },
  { sheet: "待办事项", cell: "C2", severity: "warning", message: "无截止日期" },
  { sheet: "待办事项", cell: "C3", severity: "warning", message: "无截止日期" },
  { sheet: "待办事项", cell: "B2", severity: "info", message: "lower severity: not marked" },
];

async function annotate(bytes: Uint8Array, marks: readonly Mark[] = MARKS) {
  const wb = OoxmlWorkbook.load(bytes);
  await wb.applyMarks(marks);
  wb.addListingSheet({
    sheetName: "校验结果",
    header: ["工作表", "单元格", "说明"],
    rows: marks.map((m) => [m.sheet, m.cell, m.message]),
    widths: [20, 8, 60],
  });
  return wb.toBuffer();
}

const order = (xml: string): string[] => {
  const tail = xml.slice(xml.indexOf("</sheetData>") + "</sheetData>".length);
  return [...tail.matchAll(/<([A-Za-z][A-Za-z0-9]*)\b/g)].map((m) => m[1]).filter((n, i, all) => all.indexOf(n) === i);
};

describe("an annotated copy written by patching", () => {
  let original: Record<string, Uint8Array>;
  let copy: Record<string, Uint8Array>;
  let copyBytes: Uint8Array;
  let listing: string | undefined;
  beforeAll(async () => {
    const bytes = richBook();
    original = unzipSync(bytes);
    const r = await annotate(bytes);
    copyBytes = r.bytes;
    listing = r.listingSheet;
    copy = unzipSync(copyBytes);
  });

  it("carries every part it does not change byte for byte: chart, drawing, pivot, VBA", () => {
    const changed = new Set([
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    for (const [name, data] of Object.entries(original)) {
      expect(copy[name]).toBeDefined();
      if (!changed.has(name)) expect(Buffer.from(copy[name]).equals(Buffer.from(data))).toBe(true);
    }
    expect(Buffer.from(copy["xl/vbaProject.bin"]).equals(Buffer.from(VBA))).toBe(true);
    expect(strFromU8(copy["xl/charts/chart1.xml"])).toBe(CHART);
    expect(strFromU8(copy["xl/pivotTables/pivotTable1.xml"])).toBe(PIVOT_TABLE);
  });

  it("keeps the file type (macro-enabled) and adds the listing sheet's part, entry, relationship and content type", () => {
    const types = strFromU8(copy["[Content_Types].xml"]);
    expect(types).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${CT.xlsm}"/>`);
    expect(types).toContain(`<Override PartName="/xl/worksheets/sheet3.xml" ContentType="${CT.worksheet}"/>`);
    expect(listing).toBe("校验结果");
    expect(strFromU8(copy["xl/workbook.xml"])).toContain('<sheet name="校验结果" sheetId="3" r:id="rId');
    expect(strFromU8(copy["xl/workbook.xml"])).toContain(`<pivotCaches><pivotCache cacheId="1" r:id="rIdPc"/></pivotCaches>`);
    expect(strFromU8(copy["xl/_rels/workbook.xml.rels"])).toMatch(/Type="[^"]*\/worksheet" Target="worksheets\/sheet3.xml"/);
  });

  it("puts the marks after mergeCells and the user's own format, before dataValidations (CT_Worksheet order)", () => {
    const xml = strFromU8(copy["xl/worksheets/sheet1.xml"]);
    expect(order(xml)).toEqual([
      "mergeCells",
      "mergeCell",
      "conditionalFormatting",
      "cfRule",
      "formula",
      "dataValidations",
      "dataValidation",
      "formula1",
      "pageMargins",
      "drawing",
    ]);
    expect(xml).toContain(
      `<conditionalFormatting sqref="B2"><cfRule type="expression" dxfId="0" priority="2"><formula>N(&quot;${MARK_SIGNATURE}:error&quot;)=0</formula>`,
    );
    expect(xml).toContain(`<conditionalFormatting sqref="C2:C3"><cfRule type="expression" dxfId="1" priority="3">`);
    // The user's own rule is untouched.
    expect(xml).toContain(`<cfRule type="containsBlanks" priority="1"><formula>LEN(TRIM(A2))=0</formula></cfRule>`);
    expect(strFromU8(copy["xl/styles.xml"])).toMatch(/<dxfs count="2">/);
  });

  it("reads back in ExcelJS and in the streaming reader, findings sheet and all", async () => {
    const again = OoxmlWorkbook.load(copyBytes);
    expect(await again.listSheets()).toEqual(["待办事项", "透视", "校验结果"]);
    expect((await again.findTables())[0]).toMatchObject({ sheet: "待办事项", rows: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copyBytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    const results = wb.getWorksheet("校验结果");
    expect(results?.getCell("C2").value).toBe("负责人为空");
    expect(results?.getCell("A1").font?.bold).toBe(true);
    const marks = (wb.getWorksheet("待办事项") as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map(
      (c) => c.ref,
    );
    expect(marks).toEqual(["A2:A3", "B2", "C2:C3"]);
    // The ExcelJS adapter finds the marks as its own.
    const adapter = await XlsxWorkbook.load(copyBytes);
    await adapter.clearMarks();
  });

  it("replaces its own marks when a copy is annotated again, reusing its styles, and clears them with no findings", async () => {
    const second = await annotate(copyBytes, [MARKS[1]]);
    const xml = strFromU8(unzipSync(second.bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml.match(new RegExp(MARK_SIGNATURE, "g"))).toHaveLength(1);
    expect(xml).toContain(`<conditionalFormatting sqref="C2">`);
    expect(strFromU8(unzipSync(second.bytes)["xl/styles.xml"])).toMatch(/<dxfs count="2">/);
    expect(second.listingSheet).toBe("校验结果 (2)");
    const cleared = strFromU8(unzipSync((await annotate(copyBytes, [])).bytes)["xl/worksheets/sheet1.xml"]);
    expect(cleared).not.toContain(MARK_SIGNATURE);
    expect(cleared).toContain("containsBlanks");
  });

  it("writes marks into `x:`-prefixed sheets with the sheet's own prefix", async () => {
    const prefixedSheet = `<?xml version="1.0"?>\n<x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheetData>${(textRow(1, [...ACTION_HEADER]) + textRow(2, ["a"])).replace(/<(\/?)(row|c|is|t)\b/g, "<$1x:$2")}</x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`;
    const r = await annotate(book({ sheets: [{ name: "待办事项", xml: prefixedSheet }] }), [MARKS[0]]);
    const xml = strFromU8(unzipSync(r.bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).toContain(
      `</x:sheetData><x:conditionalFormatting sqref="B2"><x:cfRule type="expression" dxfId="0" priority="1"><x:formula>`,
    );
    expect((await OoxmlWorkbook.load(r.bytes).findTables())[0]).toMatchObject({ templateId: "action-items" });
  });

  it("says when a digital signature no longer holds", async () => {
    const signed = book({
      sheets: [{ name: "待办事项", xml: worksheet(textRow(1, [...ACTION_HEADER])) }],
      parts: { "_xmlsignatures/sig1.xml": "<Signature/>" },
    });
    expect((await annotate(signed, [])).signatureInvalidated).toBe(true);
    expect((await annotate(richBook(), [])).signatureInvalidated).toBe(false);
  });

  const soffice = ["/usr/bin/libreoffice", "/usr/bin/soffice"].find((p) => existsSync(p));
  (soffice ? it : it.skip)(
    "opens in LibreOffice (converted to PDF, listing sheet included)",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "liaison-patch-"));
      try {
        const rows = textRow(1, [...ACTION_HEADER]) + textRow(2, ["整理纪要", null, null, "进行中"]);
        const after = `<mergeCells count="1"><mergeCell ref="H1:I1"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="D2"><formula1>"a,b"</formula1></dataValidation></dataValidations>`;
        const r = await annotate(book({ sheets: [{ name: "待办事项", xml: worksheet(rows, after) }] }));
        const file = path.join(dir, "copy.xlsx");
        writeFileSync(file, r.bytes);
        execFileSync(
          soffice as string,
          ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, file],
          { stdio: "pipe", timeout: 120_000 },
        );
        const text = execFileSync("pdftotext", [path.join(dir, "copy.pdf"), "-"], { encoding: "utf8" });
        expect(text).toContain("负责人为空");
        expect(text).toContain("事项内容");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

describe("a package without a styles part", () => {
  it("gets its marks all the same, without a format", async () => {
    const bytes = book({ sheets: [{ name: "待办事项", xml: worksheet(textRow(1, [...ACTION_HEADER]) + textRow(2, ["a"])) }] });
    const parts = unzipSync(bytes);
    delete parts["xl/styles.xml"];
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]).replace(/<Relationship Id="rIdStyles"[^>]*\/>/, "");
    parts["xl/_rels/workbook.xml.rels"] = strToU8(rels);
    const r = await annotate(zipSync(parts), [MARKS[0]]);
    const xml = strFromU8(unzipSync(r.bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).toContain(`<conditionalFormatting sqref="B2"><cfRule type="expression" priority="1">`);
    expect(await OoxmlWorkbook.load(r.bytes).listSheets()).toEqual(["待办事项", "校验结果"]);
  });
});
