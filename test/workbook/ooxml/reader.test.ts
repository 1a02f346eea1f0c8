import { strToU8, zipSync } from "fflate";
import { excelDate, excelError } from "../../../src/core/cells/types";
import { isLiaisonError, type LiaisonError } from "../../../src/core/errors";
import { cellAt } from "../../../src/core/layout/snapshot";
import { readPackage } from "../../../src/workbook/ooxml/reader";
import { OoxmlWorkbook } from "../../../src/workbook/ooxml/workbook";
import { ACTION_HEADER, book, bookParts, CT, MAIN, REL, T, textRow, worksheet, zipParts } from "./package-builder";

/**
 * The streaming reader on packages written part by part: each case a real writer produces
 * (OpenXML SDK prefixes, openpyxl's absolute targets, LibreOffice's date1904="true", odd part
 * names, What-If tables, rich text, empty shared strings) read as Excel shows it, and each file
 * that is not an .xlsx rejected with its own message.
 */

const actionRows = textRow(1, [...ACTION_HEADER]) + textRow(2, ["整理会议纪要", "王伟", null, "进行中"]);

const firstSheet = (bytes: Uint8Array) => readPackage(bytes).sheets[0].snapshot;

function loadError(bytes: Uint8Array): LiaisonError {
  try {
    OoxmlWorkbook.load(bytes);
  } catch (e) {
    if (isLiaisonError(e)) return e;
    throw e;
  }
  throw new Error("loaded");
}

describe("cell values", () => {
  const rows =
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1"><v>42.5</v></c><c r="E1" s="1"><v>45292</v></c><c r="F1" s="2"><v>45292.5</v></c></row>` +
    `<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c><c r="D2" t="str"><f>A1&amp;"x"</f><v>甲x</v></c><c r="E2"><f>1/0</f></c><c r="F2" t="d"><v>2024-01-05T12:00:00</v></c></row>` +
    // A shared formula's master and child, and a What-If data table (shareType "dataTable"): cached values.
    `<row r="3"><c r="A3"><f t="shared" ref="A3:B3" si="0">D1*2</f><v>85</v></c><c r="B3"><f t="shared" si="0"/><v>86</v></c><c r="C3"><f t="dataTable" ref="C3:C4" dt2D="0" dtr="0" r1="D1"/><v>7</v></c><c r="D3" t="e"><f>NA()</f><v>#N/A</v></c></row>` +
    `<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" s="1"/><c r="C4" t="s"><v>4</v></c></row>`;
  const sst =
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="5" uniqueCount="5">` +
    `<si><t>甲</t></si>` +
    // Rich text with a phonetic (pinyin) run: the guide is not part of the value.
    `<si><r><t>项目</t></r><r><rPr><i/></rPr><t xml:space="preserve"> 名称</t></r><rPh sb="0" eb="2"><t>xiàngmù</t></rPh><phoneticPr fontId="0"/></si>` +
    `<si><t>a_x000D_b</t></si>` +
    // An empty shared string (ExcelJS: "Unexpected ExcelJS cell value: {}").
    `<si><t/></si>` +
    `<si/></sst>`;
  const sheet = firstSheet(
    book({
      sheets: [
        {
          name: "S",
          xml: worksheet(rows, `<hyperlinks><hyperlink ref="C2" r:id="rIdLink"/></hyperlinks>`),
          rels: [{ id: "rIdLink", type: `${REL}/hyperlink`, target: "https://example.com/a?b=1&amp;c=2" }],
        },
      ],
      sharedStringsXml: sst,
    }),
  );
  const at = (r: number, c: number) => cellAt(sheet.grid, r, c);

  it("reads shared, rich, inline and escaped strings; phonetic runs left out", () => {
    expect(at(1, 0)).toBe("甲");
    expect(at(1, 1)).toBe("项目 名称");
    expect(at(1, 2)).toBe("a\rb");
    expect(at(2, 2)).toBe("富文本");
  });

  it("reads numbers, dates under date formats (custom and built-in), booleans, errors, ISO dates", () => {
    expect(at(1, 3)).toBe(42.5);
    expect(at(1, 4)).toEqual(excelDate(45292));
    expect(at(1, 5)).toEqual(excelDate(45292.5));
    expect(at(2, 0)).toBe(true);
    expect(at(2, 1)).toEqual(excelError("#N/A"));
    expect(at(2, 5)).toEqual(excelDate(45296.5));
  });

  it("gives a formula's cached result: ordinary, shared, data-table; none cached = empty", () => {
    expect(at(2, 3)).toBe("甲x");
    expect(at(2, 4)).toBeNull();
    expect(at(3, 0)).toBe(85);
    expect(at(3, 1)).toBe(86);
    expect(at(3, 2)).toBe(7);
    expect(at(3, 3)).toEqual(excelError("#N/A"));
  });

  it("reads an empty shared string (and a formatted blank cell) as an empty cell", () => {
    expect(at(4, 0)).toBeNull();
    expect(at(4, 1)).toBeNull();
    expect(at(4, 2)).toBeNull();
    expect(sheet.grid.row(4)).toEqual([]);
  });
});

describe("text across chunks", () => {
  it("joins a Chinese character split between two inflated chunks, in a stored and a deflated part", () => {
    // ~20,000 rows of three-byte characters: parts of several 64 KB chunks, so chunk boundaries
    // fall inside characters at every offset.
    const words = Array.from({ length: 20_000 }, (_, i) => `第${i}项：整改通知书`);
    const rows = words.map((w, i) => textRow(i + 1, [w])).join("");
    const parts = bookParts({ sheets: [{ name: "S", xml: worksheet(rows) }], sharedStrings: words });
    for (const level of [0, 6] as const) {
      const ordered: Record<string, Uint8Array> = {};
      for (const [n, v] of Object.entries(parts)) ordered[n] = typeof v === "string" ? strToU8(v) : v;
      const sheet = readPackage(zipSync(ordered, { level })).sheets[0].snapshot;
      expect(sheet.grid.rowNumbers).toHaveLength(words.length);
      words.forEach((w, i) => {
        if (cellAt(sheet.grid, i + 1, 0) !== w) throw new Error(`row ${i + 1}: ${String(cellAt(sheet.grid, i + 1, 0))} ≠ ${w}`);
      });
    }
  });
});

describe("what real writers produce", () => {
  it("reads `x:`-prefixed parts as the OpenXML SDK writes them", async () => {
    const parts = bookParts({ sheets: [{ name: "待办事项", xml: worksheet(actionRows) }], sharedStrings: ["x"] });
    const prefixed = (text: string, root: string): string =>
      text
        .replace(new RegExp(`<${root} xmlns="${MAIN}"`), `<x:${root} xmlns:x="${MAIN}"`)
        .replace(/<(\/?)(?!x:|\?|Relationship)([A-Za-z])/g, "<$1x:$2");
    parts["xl/workbook.xml"] = prefixed(parts["xl/workbook.xml"] as string, "workbook");
    parts["xl/worksheets/sheet1.xml"] = prefixed(parts["xl/worksheets/sheet1.xml"] as string, "worksheet");
    parts["xl/styles.xml"] = prefixed(parts["xl/styles.xml"] as string, "styleSheet");
    parts["xl/sharedStrings.xml"] = prefixed(parts["xl/sharedStrings.xml"] as string, "sst");
    expect(parts["xl/worksheets/sheet1.xml"]).toContain("<x:sheetData>");
    const wb = OoxmlWorkbook.load(zipParts(parts));
    const found = await wb.findTables();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: "待办事项", templateId: "action-items", rows: 1 });
  });

  it("follows openpyxl's absolute table targets (/xl/tables/table1.xml)", async () => {
    const table =
      `<?xml version="1.0"?><table xmlns="${MAIN}" id="1" name="Todo" displayName="Todo" ref="A1:F2"><autoFilter ref="A1:F2"/>` +
      `<tableColumns count="6">${ACTION_HEADER.map((h, i) => `<tableColumn id="${i + 1}" name="${h}"/>`).join("")}</tableColumns></table>`;
    const bytes = book({
      sheets: [
        { name: "其他", xml: worksheet(textRow(1, ["备注"])) },
        {
          name: "待办事项",
          xml: worksheet(actionRows, `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`),
          rels: [{ id: "rId1", type: T.table, target: "/xl/tables/table1.xml" }],
        },
      ],
      parts: { "xl/tables/table1.xml": table },
      overrides: { "xl/tables/table1.xml": CT.table },
    });
    const found = await OoxmlWorkbook.load(bytes).findTables();
    expect(found).toEqual([expect.objectContaining({ sheet: "待办事项", kind: "table", tableName: "Todo", address: "A1:F2" })]);
  });

  it("reads worksheet parts under any name and target, never skipping one", async () => {
    const bytes = book({
      sheets: [
        { name: "封面", xml: worksheet(textRow(1, ["说明"])) },
        { name: "待办事项", xml: worksheet(actionRows), part: "xl/data/todo list.xml", target: "/xl/data/todo%20list.xml" },
        { name: "第三", xml: worksheet(textRow(1, ["x"])), part: "xl/worksheets/zz.xml", target: "./worksheets/../worksheets/zz.xml" },
      ],
    });
    const wb = OoxmlWorkbook.load(bytes);
    expect(await wb.listSheets()).toEqual(["封面", "待办事项", "第三"]);
    expect(await wb.findTables()).toEqual([expect.objectContaining({ sheet: "待办事项", rows: 1 })]);
  });

  it.each(["1", "true"])('reads date1904="%s" dates in the 1900 system, as Excel shows them', (spelling) => {
    const sheet = firstSheet(
      book({ sheets: [{ name: "S", xml: worksheet(`<row r="1"><c r="A1" s="1"><v>43830</v></c></row>`) }], date1904: spelling }),
    );
    // 43830 days after 1904-01-01 is 2024-01-01, serial 45292 in the 1900 system.
    expect(cellAt(sheet.grid, 1, 0)).toEqual(excelDate(45292));
  });

  it("reads `false` as the 1900 system", () => {
    const sheet = firstSheet(
      book({ sheets: [{ name: "S", xml: worksheet(`<row r="1"><c r="A1" s="1"><v>45292</v></c></row>`) }], date1904: "false" }),
    );
    expect(cellAt(sheet.grid, 1, 0)).toEqual(excelDate(45292));
  });

  it("reads hidden rows and blanks the hidden cells of merged areas", () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>合并</t></is></c><c r="B1" t="inlineStr"><is><t>藏</t></is></c></row><row r="2" hidden="1"><c r="A2"><v>1</v></c></row>`;
    const pkg = readPackage(
      book({ sheets: [{ name: "S", xml: worksheet(rows, `<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>`) }] }),
    );
    const s = pkg.sheets[0];
    expect(s.snapshot.grid.row(1)).toEqual(["合并"]);
    expect(s.snapshot.grid.rowNumbers).toEqual([1]);
    expect(s.snapshot.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 1 }]);
    expect([...s.hiddenRows]).toEqual([2]);
  });
});

describe("sizes that must not cost the bounding box", () => {
  it("reads a table with a stray cell at XFD1048576 in bounded memory", async () => {
    const rows = actionRows + `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>`;
    const before = process.memoryUsage().heapUsed;
    const wb = OoxmlWorkbook.load(book({ sheets: [{ name: "待办事项", xml: worksheet(rows, "", `<dimension ref="A1:XFD1048576"/>`) }] }));
    const found = await wb.findTables();
    expect(found[0]).toMatchObject({ templateId: "action-items", rows: 1 });
    // One row of 16,384 slots at most; a dense grid would be a million rows.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("skips a data validation over the whole sheet", async () => {
    const after = `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>`;
    const wb = OoxmlWorkbook.load(book({ sheets: [{ name: "待办事项", xml: worksheet(actionRows, after) }] }));
    expect(await wb.findTables()).toHaveLength(1);
  });

  it("keeps 50,000 merged areas as rectangles", async () => {
    const merges = Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="H${i + 10}:I${i + 10}"/>`).join("");
    const rows =
      actionRows +
      Array.from(
        { length: 2000 },
        (_, i) => `<row r="${i + 10}"><c r="H${i + 10}"><v>${i}</v></c><c r="I${i + 10}"><v>1</v></c></row>`,
      ).join("");
    const t0 = performance.now();
    const pkg = readPackage(
      book({ sheets: [{ name: "待办事项", xml: worksheet(rows, `<mergeCells count="50000">${merges}</mergeCells>`) }] }),
    );
    expect(performance.now() - t0).toBeLessThan(20_000);
    const s = pkg.sheets[0].snapshot;
    expect(s.merges).toHaveLength(50_000);
    expect(s.grid.row(10)).toEqual([null, null, null, null, null, null, null, 0]);
  });
});

describe("files that are not an .xlsx: each named, with what to do", () => {
  const ole = (stream: string): Uint8Array => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < stream.length; i++) b[1024 + i * 2] = stream.charCodeAt(i);
    return b;
  };
  const zip = (files: Record<string, string>): Uint8Array =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

  it.each([
    ["an old .xls", () => ole("Workbook"), "legacyXlsFile"],
    ["an encrypted workbook", () => ole("EncryptionInfo"), "encryptedFile"],
    ["an .xlsb", () => book({ sheets: [{ name: "S", xml: worksheet("") }], workbookContentType: CT.xlsb }), "xlsbFile"],
    ["an .ods", () => zip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }), "odsFile"],
    ["a .numbers", () => zip({ "Index/Document.iwa": "x", "Metadata/Properties.plist": "x" }), "numbersFile"],
    ["a CSV", () => strToU8("事项内容,负责人\n整理,王伟\n"), "textNotWorkbook"],
    [
      "a Word file",
      () =>
        zip({
          "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
          "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${T.officeDocument}" Target="word/document.xml"/></Relationships>`,
          "word/document.xml": "<w/>",
        }),
      "notWorkbookPackage",
    ],
    ["an empty file", () => new Uint8Array(0), "unreadableFile"],
    ["a truncated zip", () => book({ sheets: [{ name: "S", xml: worksheet(actionRows) }] }).slice(0, 300), "unreadableFile"],
  ])("%s", (_, bytes, key) => {
    expect(loadError(bytes()).key).toBe(key);
  });

  it("says so in both languages, with full-width punctuation in Chinese", () => {
    const e = loadError(ole("Workbook"));
    expect(e.describe("zh-CN")).toBe("这是旧版 .xls 格式的工作簿，无法读取。请在 Excel/WPS 中另存为 .xlsx 后再试。");
    expect(e.describe("en-US")).toContain("Save it as .xlsx in Excel or WPS");
  });

  it("rejects a malformed sheet part as unreadable", () => {
    const bytes = book({
      sheets: [{ name: "S", xml: `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>` }],
    });
    expect(loadError(bytes).key).toBe("unreadableFile");
  });
});
