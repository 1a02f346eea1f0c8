import type { DocumentModel } from "../../../src/core/documents/model";
import { renderDocx } from "../../../src/render/docx";
import { MINUTES, NOTICE, REMINDER } from "./fixtures";
import { all, attr, fieldCodes, openDocx, paragraphs, tables, textOf, type Docx } from "./ooxml";

const render = async (docs: readonly DocumentModel[], lang?: "zh-CN" | "en-US"): Promise<Docx> =>
  openDocx(await renderDocx(docs, { lang }));

/** Cells of `model`'s table blocks, in order. */
const modelTables = (model: DocumentModel) => model.blocks.flatMap((b) => (b.kind === "table" ? [b] : []));

describe("renderDocx: one 整改通知书", () => {
  let docx: Docx;
  beforeAll(async () => {
    docx = await render([NOTICE]);
  });

  it("returns a .docx (a ZIP with the WordprocessingML parts)", async () => {
    const bytes = await renderDocx([NOTICE]);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 4))).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect([...docx.files.keys()]).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"]));
  });

  it("holds the title, subtitle, addressee and every paragraph", () => {
    const text = paragraphs(docx.document);
    expect(text[0]).toBe("整改通知书");
    expect(text[1]).toBe("编号：ZG-2024Q2-001");
    expect(text[2]).toBe("致：华东精密零部件有限公司");
    for (const b of NOTICE.blocks) if (b.kind === "paragraph") expect(text).toContain(b.text);
  });

  it("sets the title centred, bold, 18 pt, in 宋体 (GB/T 9704 titles are a Song face)", () => {
    const title = all(docx.document, "p")[0];
    expect(attr(all(title, "jc")[0], "val")).toBe("center");
    expect(all(title, "b").length).toBeGreaterThan(0);
    expect(attr(all(title, "sz")[0], "val")).toBe("36");
    expect(attr(all(title, "rFonts")[0], "eastAsia")).toBe("宋体");
  });

  it("numbers the headings 一、二、三、四、", () => {
    const headings = NOTICE.blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : []));
    const expected = ["一、", "二、", "三、", "四、"].map((n, i) => n + headings[i]);
    expect(paragraphs(docx.document).filter((p) => /^[一二三四]、/.test(p))).toEqual(expected);
  });

  it("lays the fields out as label/value pairs and keeps every value", () => {
    const [grid] = tables(docx.document);
    const cells = grid.flat();
    const fields = NOTICE.blocks.flatMap((b) => (b.kind === "fields" ? b.fields : []));
    for (const f of fields) {
      expect(cells).toContain(f.label + "：");
      expect(cells).toContain(f.value);
    }
    // Short values share a row; the fields grid has no borders.
    expect(grid.some((row) => row.length === 4)).toBe(true);
    const gridBorders = all(all(docx.document, "tblBorders")[0], "top")[0];
    expect(attr(gridBorders, "val")).toBe("none");
  });

  it("writes every cell of the score table, with a shaded repeating header and shaded weakest rows", () => {
    const [scores] = modelTables(NOTICE);
    const table = tables(docx.document)[1];
    expect(table[0]).toEqual(scores.columns.map((c) => c.header));
    expect(table.slice(1)).toEqual(scores.rows);

    const trs = all(all(docx.document, "tbl")[1], "tr");
    expect(all(trs[0], "tblHeader")).toHaveLength(1);
    const fills = (tr: (typeof trs)[number]) => all(tr, "shd").map((s) => attr(s, "fill"));
    expect(fills(trs[0])).toEqual(Array(4).fill("E7E6E6"));
    scores.rows.forEach((_row, r) => {
      const highlighted = (scores.highlightRows ?? []).includes(r);
      expect([r, fills(trs[r + 1])]).toEqual([r, highlighted ? Array(4).fill("FBE4D5") : []]);
    });
    // Bordered, and column widths scaled to the text width in the model's proportions (3 : 1.5 : 1.5 : 1.5).
    expect(attr(all(all(docx.document, "tblBorders")[1], "top")[0], "val")).toBe("single");
    const grid = all(all(docx.document, "tbl")[1], "gridCol").map((g) => Number(attr(g, "w")));
    expect(grid[0]).toBeCloseTo(grid[1] * 2, -1);
  });

  it("sets the signature lines in the right half, centred on one another, four characters in from the margin", () => {
    const ps = all(docx.document, "p");
    for (const line of ["签发部门：采购部", "签发日期：2024年7月5日"]) {
      const p = ps.find((x) => textOf(x) === line);
      expect(p).toBeDefined();
      expect(attr(all(p!, "jc")[0], "val")).toBe("center");
      expect(Number(attr(all(p!, "ind")[0], "right"))).toBe(4 * 240);
      expect(Number(attr(all(p!, "ind")[0], "left"))).toBeGreaterThan(3000);
    }
  });

  it("puts the receipt after a dashed cut line, with lines to fill in", () => {
    const text = paragraphs(docx.document);
    const cut = text.findIndex((p) => p.includes("沿此线剪开"));
    expect(cut).toBeGreaterThan(text.indexOf("（盖章）"));
    expect(text[cut + 1]).toBe("整改通知书回执");
    const cutP = all(docx.document, "p").find((p) => textOf(p).includes("沿此线剪开"))!;
    expect(all(cutP, "tab").map((t) => attr(t, "leader"))).toContain("hyphen");
    const receiptText = text.slice(cut + 2).join("\n");
    for (const label of ["供应商（盖章）：", "签收人：", "联系电话：", "签收日期："]) expect(receiptText).toContain(label);
    const fill = all(docx.document, "p").find((p) => textOf(p).startsWith("供应商（盖章）"))!;
    expect(all(fill, "tab").map((t) => attr(t, "leader"))).toContain("underscore");
  });

  it("is A4 portrait with page numbers starting at 1", () => {
    const [sect] = all(docx.document, "sectPr");
    const size = all(sect, "pgSz")[0];
    expect([attr(size, "w"), attr(size, "h"), attr(size, "orient")]).toEqual(["11906", "16838", expect.not.stringMatching("landscape")]);
    expect(docx.documentXml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(attr(all(sect, "pgNumType")[0], "start")).toBe("1");
  });

  it("has a footer with the number and 第 PAGE 页 / 共 NUMPAGES 页", () => {
    expect(docx.footers).toHaveLength(1);
    const footer = textOf(docx.footers[0].documentElement!);
    expect(footer).toContain("ZG-2024Q2-001");
    expect(footer).toContain("第 ");
    expect(footer).toContain(" 页 / 共 ");
    expect(fieldCodes(docx.footers[0])).toEqual(["PAGE", "NUMPAGES"]);
  });

  it("names the East Asian font of every run", () => {
    const runs = all(docx.document, "r").filter((r) => all(r, "t").length > 0);
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) {
      const fonts = all(r, "rFonts")[0];
      expect([textOf(r), ["仿宋", "宋体", "黑体"].includes(attr(fonts, "eastAsia") ?? "")]).toEqual([textOf(r), true]);
    }
    expect(docx.files.get("word/styles.xml")!.toString("utf8")).toMatch(/w:eastAsia="仿宋"/);
    // The font table describes each font, so a machine without it substitutes a like one.
    const table = docx.files.get("word/fontTable.xml")!.toString("utf8");
    expect(table).toContain('<w:font w:name="仿宋"><w:altName w:val="FangSong"/>');
    expect(table).toContain('<w:charset w:val="86"/>');
  });
});

describe("renderDocx: several documents", () => {
  let docx: Docx;
  beforeAll(async () => {
    docx = await render([NOTICE, MINUTES, REMINDER]);
  });

  it("gives each document its own section on a new page, with its own footer", () => {
    const sects = all(docx.document, "sectPr");
    expect(sects).toHaveLength(3);
    for (const sect of sects) {
      expect(attr(all(sect, "type")[0], "val")).toBe("nextPage");
      expect(attr(all(sect, "pgNumType")[0], "start")).toBe("1");
      expect(attr(all(sect, "pgSz")[0], "w")).toBe("11906");
    }
    expect(docx.footers.map((f) => textOf(f.documentElement!).split(" · ")[0])).toEqual(["ZG-2024Q2-001", "JY-2024-001", "CB-2024-001"]);
    // Several documents in one file: each counts its own pages.
    for (const f of docx.footers) expect(fieldCodes(f)).toEqual(["PAGE", "SECTIONPAGES"]);
  });

  it("restarts heading numbers in every document", () => {
    const text = paragraphs(docx.document);
    expect(text.filter((p) => p.startsWith("一、"))).toEqual(["一、评估得分", "一、讨论议题"]);
    expect(text).toContain("三、待办事项");
  });

  it("writes every cell of every table", () => {
    const written = tables(docx.document);
    for (const model of [NOTICE, MINUTES, REMINDER]) {
      for (const t of modelTables(model)) {
        const match = written.find((w) => w[0].join("|") === t.columns.map((c) => c.header).join("|") && w.length === t.rows.length + 1);
        expect(match?.slice(1)).toEqual(t.rows);
      }
    }
  });

  it("keeps formula-looking and phone-like text literal", () => {
    const cells = tables(docx.document).flat(2);
    expect(cells).toContain('=HYPERLINK("x")');
    expect(cells).toContain("联系媒体（热线 +86 138 0013 8000）");
    // As text in a w:t, XML-escaped; never a field or a hyperlink.
    expect(docx.documentXml).toContain('<w:t xml:space="preserve">=HYPERLINK(&quot;x&quot;)</w:t>');
    expect(fieldCodes(docx.document)).toEqual([]);
    expect(all(docx.document, "hyperlink")).toHaveLength(0);
    expect(all(docx.document, "fldSimple")).toHaveLength(0);
  });
});

describe("renderDocx: edge cases", () => {
  const base: DocumentModel = { ...REMINDER, blocks: [] };

  it("shows a table without rows as its header and the empty text", async () => {
    const columns = [
      { header: "事项内容", width: 3 },
      { header: "负责人", width: 1 },
    ];
    const docx = await render([{ ...base, blocks: [{ kind: "table", columns, rows: [], emptyText: "无逾期事项" }] }]);
    expect(tables(docx.document)).toEqual([[["事项内容", "负责人"], ["无逾期事项"]]]);
    const fallback = await render([{ ...base, blocks: [{ kind: "table", columns, rows: [] }] }]);
    expect(tables(fallback.document)[0][1]).toEqual(["（无）"]);
  });

  it("keeps line breaks inside a value and replaces characters XML cannot hold", async () => {
    const docx = await render([{ ...base, blocks: [{ kind: "paragraph", text: "第一行\n第二行\u0007结束" }] }]);
    expect(paragraphs(docx.document)).toContain("第一行\n第二行\uFFFD结束");
    // eslint-disable-next-line no-control-regex -- looking for the characters XML 1.0 forbids
    expect(docx.documentXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it("writes the renderer's own strings in English when asked", async () => {
    const docx = await render([NOTICE], "en-US");
    const text = paragraphs(docx.document);
    expect(text).toContain("1. 评估得分");
    expect(text).toContain("4. 整改期限");
    expect(text.some((p) => p.includes("Cut along this line"))).toBe(true);
    expect(textOf(docx.footers[0].documentElement!)).toMatch(/^ZG-2024Q2-001 · Page .* of /);
  });

  it("puts the number in the footer when the footer text lacks it", async () => {
    const docx = await render([{ ...base, footer: "催办" }]);
    expect(textOf(docx.footers[0].documentElement!)).toMatch(/^CB-2024-001 · 催办 · 第 /);
  });

  it("rejects a row whose cell count differs from the columns, and an empty list", async () => {
    await expect(
      renderDocx([{ ...base, blocks: [{ kind: "table", columns: [{ header: "a", width: 1 }], rows: [["x", "y"]] }] }]),
    ).rejects.toThrow(/row 0 has 2 cells for 1 columns/);
    await expect(renderDocx([])).rejects.toThrow(/no documents/);
  });
});
