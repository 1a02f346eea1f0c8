import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { generateFile, generateSheets } from "../../../src/app/generate";
import { REGISTER_SHEET } from "../../../src/core/documents/model";
import { cellAt } from "../../../src/core/layout/snapshot";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { OoxmlWorkbook } from "../../../src/workbook/ooxml/workbook";
import { REGISTER_HEADER } from "../../../src/core/documents/register-rows";
import { ACTION_HEADER, book, CT, T, textRow, worksheet } from "./package-builder";

/**
 * `liaison generate`'s copies, written by patching the package (fixtures built part by part): a
 * chart, a pivot table and its cache, a VBA project and the .xlsm content type come out byte for
 * byte; the new document sheet and the register read back in the streaming reader and ExcelJS;
 * an existing register table grows over the new lines; a register that is missing is created.
 */

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:date1904 val="0"/></c:chartSpace>`;
const PIVOT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="透视表1" cacheId="1" dataCaption="值"><location ref="A1:A2" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/></pivotTableDefinition>`;
const PIVOT_CACHE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A1:F3" sheet="待办事项"/></cacheSource></pivotCacheDefinition>`;
const VBA = new Uint8Array(Array.from({ length: 1536 }, (_, i) => (i * 37 + 11) & 0xff));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 200 }, (_, i) => (i * 13) & 0xff)]);
const COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>王伟</author></authors><commentList><comment ref="A2" authorId="0"><text><t>请本周完成</t></text></comment></commentList></comments>`;
const THREADED = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A2" dT="2024-09-01T09:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>请本周完成</text></threadedComment></ThreadedComments>`;
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** 待办事项 (two overdue items), a drawing with a chart, a pivot sheet, VBA; with or without a register (an Excel table over two lines). */
function richBook(withRegister: boolean): Uint8Array {
  const rows =
    textRow(1, [...ACTION_HEADER]) +
    textRow(2, ["整理纪要", "王伟", "2024-09-01", "进行中"]) +
    textRow(3, ["排期", "李娜", "2024-09-15", "未开始"]);
  const register = withRegister
    ? [
        {
          name: REGISTER_SHEET,
          xml: worksheet(
            textRow(1, [...REGISTER_HEADER]) +
              textRow(2, ["CB-2023-009", "催办通知", "", "待办事项", "5", "2024-09-01 09:00", "王伟", "", ""]) +
              // A formatted blank row below the register: its attributes stay, the line goes into it.
              `<row r="3" spans="1:9" ht="20" customHeight="1"><c r="U3" t="inlineStr"><is><t>备注保留</t></is></c></row>`,
            `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rIdT"/></tableParts>`,
          ),
          rels: [{ id: "rIdT", type: T.table, target: "../tables/table1.xml" }],
        },
      ]
    : [];
  return book({
    sheets: [
      {
        name: "待办事项",
        xml: worksheet(rows, `<drawing r:id="rIdDr"/>`),
        rels: [{ id: "rIdDr", type: T.drawing, target: "../drawings/drawing1.xml" }],
      },
      { name: "透视", xml: worksheet(""), rels: [{ id: "rIdPt", type: T.pivotTable, target: "../pivotTables/pivotTable1.xml" }] },
      ...register,
    ],
    workbookContentType: CT.xlsm,
    workbookRels: [
      { id: "rIdPc", type: T.pivotCacheDefinition, target: "pivotCache/pivotCacheDefinition1.xml" },
      { id: "rIdVba", type: T.vbaProject, target: "vbaProject.bin" },
    ],
    workbookExtra: `<pivotCaches><pivotCache cacheId="1" r:id="rIdPc"/></pivotCaches>`,
    parts: {
      "xl/drawings/drawing1.xml": `<?xml version="1.0" encoding="UTF-8"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
      "xl/drawings/_rels/drawing1.xml.rels": `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${T.chart}" Target="../charts/chart1.xml"/></Relationships>`,
      "xl/charts/chart1.xml": CHART,
      "xl/pivotCache/pivotCacheDefinition1.xml": PIVOT_CACHE,
      "xl/pivotTables/pivotTable1.xml": PIVOT_TABLE,
      "xl/pivotTables/_rels/pivotTable1.xml.rels": `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${T.pivotCacheDefinition}" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
      "xl/vbaProject.bin": VBA,
      // A picture and (threaded) comments: carried over as they are, like every part Liaison does not change.
      "xl/media/image1.png": PNG,
      "xl/comments1.xml": COMMENTS,
      "xl/threadedComments/threadedComment1.xml": THREADED,
      ...(withRegister
        ? {
            "xl/tables/table1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="DocumentRegister" displayName="DocumentRegister" ref="A1:I2"><autoFilter ref="A1:I2"/><tableColumns count="9">${REGISTER_HEADER.map((h, i) => `<tableColumn id="${i + 1}" name="${h}"/>`).join("")}</tableColumns><tableStyleInfo name="TableStyleLight9" showRowStripes="1"/></table>`,
          }
        : {}),
    },
    overrides: {
      "xl/drawings/drawing1.xml": CT.drawing,
      "xl/charts/chart1.xml": CT.chart,
      "xl/pivotCache/pivotCacheDefinition1.xml": CT.pivotCacheDefinition,
      "xl/pivotTables/pivotTable1.xml": CT.pivotTable,
      ...(withRegister ? { "xl/tables/table1.xml": CT.table } : {}),
      "xl/comments1.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
      "xl/threadedComments/threadedComment1.xml": "application/vnd.ms-excel.threadedcomments+xml",
    },
    defaults: { bin: CT.vba, png: "image/png" },
  });
}

const OPTS = {
  kind: "reminder",
  lang: "zh-CN",
  target: { sheet: "待办事项", rows: [2, 3] },
  instant: new Date(Date.UTC(2024, 9, 8)),
} as const;
/** Parts a generate copy changes: the workbook's lists and styles; the register's sheet and table. */
const MAY_CHANGE = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

describe.each([true, false])("generate into a copy by patching (register present: %s)", (withRegister) => {
  const original = richBook(withRegister);
  let copy: Uint8Array;
  let sheets: readonly string[];
  beforeAll(async () => {
    const wb = OoxmlWorkbook.load(original);
    const r = await generateSheets(wb, OPTS);
    sheets = r.sheets;
    copy = wb.toBuffer().bytes;
  });

  it("carries every other part over byte for byte: chart, pivot and cache, VBA, picture, comments, the .xlsm type", () => {
    const before = unzipSync(original);
    const after = unzipSync(copy);
    const registerParts = withRegister ? ["xl/worksheets/sheet3.xml", "xl/tables/table1.xml"] : [];
    for (const [name, bytes] of Object.entries(before)) {
      expect(after[name]).toBeDefined();
      if ([...MAY_CHANGE, ...registerParts].includes(name)) continue;
      expect({ name, same: Buffer.from(after[name]).equals(Buffer.from(bytes)) }).toEqual({ name, same: true });
    }
    expect(strFromU8(after["[Content_Types].xml"])).toContain(`ContentType="${CT.xlsm}"`);
    expect(Buffer.from(after["xl/vbaProject.bin"]).equals(Buffer.from(VBA))).toBe(true);
    expect(Buffer.from(after["xl/media/image1.png"]).equals(Buffer.from(PNG))).toBe(true);
    expect(strFromU8(after["xl/threadedComments/threadedComment1.xml"])).toBe(THREADED);
  });

  it("adds the document sheet (A4, print area, merges, text as text) and the register lines, read back by both readers", async () => {
    // One reminder per person: 王伟 and 李娜.
    expect(sheets).toHaveLength(2);
    const back = OoxmlWorkbook.load(copy);
    const names = await back.listSheets();
    expect(names).toContain(sheets[0]);
    const register = await back.readRegister();
    const lines = register.filter((e) => e.number !== "CB-2023-009");
    expect(lines).toHaveLength(2);
    lines.forEach((l, i) => expect(l).toMatchObject({ kind: "reminder", documentSheet: sheets[i], sourceSheet: "待办事项" }));
    if (withRegister) expect(register.map((e) => e.number)).toContain("CB-2023-009");

    const doc = back.snapshots().find((s) => s.entry.name === sheets[0])!;
    expect(doc.snapshot.merges.length).toBeGreaterThan(0);
    expect(doc.snapshot.grid.rowNumbers.length).toBeGreaterThan(3);

    const files = unzipSync(copy);
    const wbXml = strFromU8(files["xl/workbook.xml"]);
    expect(wbXml).toMatch(
      new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="${names.indexOf(sheets[0])}">'${sheets[0]}'!\\$A\\$1:`),
    );
    // The layout as the ExcelJS writer sets it: A4 fitted to one page wide, the footer's page
    // counter, merges; Chinese typefaces with their GB2312 character set; every text cell text.
    const docPart = Object.keys(files).find(
      (n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(files[n]).includes("<pageSetup"),
    )!;
    const docXml = strFromU8(files[docPart]);
    expect(docXml).toContain(`<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>`);
    expect(docXml).toContain(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
    expect(docXml).toMatch(/<oddFooter>&amp;C[^<]*&amp;P[^<]*&amp;N[^<]*<\/oddFooter>/);
    expect(docXml).toMatch(/<mergeCells count="\d+">/);
    expect(docXml).not.toMatch(/<f>|t="s"/);
    const stylesXml = strFromU8(files["xl/styles.xml"]);
    expect(stylesXml).toMatch(
      /<font>(<b\/>)?<sz val="\d+(\.\d+)?"\/>(<color rgb="FF[0-9A-F]{6}"\/>)?<name val="(宋体|黑体|仿宋)"\/><charset val="134"\/><\/font>/,
    );
    const excel = await XlsxWorkbook.load(copy);
    expect(fresh(await excel.readRegister())).toHaveLength(2);
    expect(await excel.listSheets()).toEqual(names);
  });

  it(
    withRegister
      ? "grows the register's table over the new line, keeping the row's own cells"
      : "creates the register sheet with its table",
    async () => {
      const back = OoxmlWorkbook.load(copy);
      const reg = back.snapshots().find((s) => s.entry.name === REGISTER_SHEET)!;
      const table = reg.snapshot.tables[0];
      expect(table).toBeDefined();
      expect(table.name).toBe("DocumentRegister");
      const last = withRegister ? 4 : 3;
      expect(table.rect).toEqual({ top: 1, left: 0, bottom: last, right: REGISTER_HEADER.length - 1 });
      expect(table.columnNames).toEqual(REGISTER_HEADER);
      if (withRegister) {
        expect(cellAt(reg.snapshot.grid, 3, 20)).toBe("备注保留");
        expect(cellAt(reg.snapshot.grid, 3, 0)).toMatch(/^CB-2024-/);
        const sheetXml = strFromU8(unzipSync(copy)["xl/worksheets/sheet3.xml"]);
        expect(sheetXml).toMatch(/<row r="3" ht="20" customHeight="1">/);
      }
    },
  );
});

const fresh = <T extends { number: string }>(entries: readonly T[]): T[] => entries.filter((e) => e.number !== "CB-2023-009");

describe("a Word run logs its numbers in the workbook by patching", () => {
  it("keeps the chart, pivot and VBA of the input, adds no sheet, and refuses a number already logged", async () => {
    const original = richBook(true);
    const wb = OoxmlWorkbook.load(original);
    const file = await generateFile(wb, { ...OPTS, render: async () => new Uint8Array([1, 2, 3]) });
    expect(file?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    const patched = wb.toBuffer().bytes;
    const before = unzipSync(original);
    const after = unzipSync(patched);
    for (const name of [
      "xl/charts/chart1.xml",
      "xl/vbaProject.bin",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
    ])
      expect(Buffer.from(after[name]).equals(Buffer.from(before[name]))).toBe(true);
    const back = OoxmlWorkbook.load(patched);
    expect(await back.listSheets()).toEqual(["待办事项", "透视", REGISTER_SHEET]);
    const logged = fresh(await back.readRegister());
    expect(logged).toHaveLength(2);
    expect(logged.map((e) => e.documentSheet)).toEqual(["", ""]);
    // The same numbers again: refused, nothing recorded.
    await expect(back.writeDocuments(logged.map((entry) => ({ entry })))).rejects.toMatchObject({ key: "documentNumberInUse" });
  });
});

describe("a signed workbook", () => {
  it("says the copy's signature no longer holds; an unsigned one is not said to be", async () => {
    const signed = (() => {
      const files = unzipSync(richBook(true));
      files["_xmlsignatures/sig1.xml"] = new TextEncoder().encode(`<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>`);
      return zipSync(files);
    })();
    for (const [bytes, invalidated] of [
      [signed, true],
      [richBook(true), false],
    ] as const) {
      const wb = OoxmlWorkbook.load(bytes);
      await generateSheets(wb, OPTS);
      expect(wb.toBuffer().signatureInvalidated).toBe(invalidated);
    }
  });
});

const LIBREOFFICE = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

(LIBREOFFICE ? describe : describe.skip)("LibreOffice opens a generated copy", () => {
  it("converts the copy with its document sheet to PDF", async () => {
    const wb = OoxmlWorkbook.load(richBook(true));
    await generateSheets(wb, OPTS);
    const dir = mkdtempSync(path.join(tmpdir(), "liaison-gen-patch-"));
    try {
      const file = path.join(dir, "copy.xlsm");
      writeFileSync(file, wb.toBuffer().bytes);
      execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], {
        stdio: "ignore",
        timeout: 180_000,
      });
      expect(existsSync(path.join(dir, "copy.pdf"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
