import { matchHeadersIn, normalizeHeader, parseHeader, recognizeGridIn } from "../../../src/core/headers/match";
import type { RawCell } from "../../../src/core/cells/types";
import type { ColumnDef, TemplateDef } from "../../../src/core/templates/types";

const c = (key: string, name: string, en: string, extra: Partial<ColumnDef> = {}): ColumnDef => ({ key, name, en, type: "text", ...extra });
const tpl = (id: string, columns: ColumnDef[]): TemplateDef => ({
  id,
  name: id,
  en: id,
  purpose: "",
  purposeEn: "",
  source: "",
  tableName: "T",
  columns,
  examples: [],
  titleColumns: [],
});

const contacts = tpl("contacts", [
  c("project", "项目名称", "Project", { required: true, aliases: ["项目"] }),
  c("contactName", "对接人-姓名", "Contact name", { required: true, group: "对接人" }),
  c("contactDept", "对接人-部门", "Contact department", { group: "对接人" }),
  c("contactPhone", "对接人-联系方式", "Contact phone", { group: "对接人", type: "phone" }),
  c("work", "核心工作内容", "Core work", { required: true }),
  c("note", "备注", "Remarks"),
]);
const orders = tpl("orders", [
  c("orderNo", "订单号", "Order no.", { required: true }),
  c("project", "项目名称", "Project", { required: true }),
  c("amount", "金额", "Amount", { type: "number" }),
]);
const ALL = [contacts, orders];

describe("normalizeHeader / parseHeader", () => {
  it.each([
    ["項目名稱", "项目名称"],
    [" 项目 名称\n", "项目名称"],
    ["项目名称(必填)", "项目名称"],
    ["项目名称（必填）", "项目名称"],
    ["【必填】项目名称", "项目名称"],
    ["项目名称*", "项目名称"],
    ["项目名称:", "项目名称"],
    ["Project Name", "projectname"],
    ["Ｐｒｏｊｅｃｔ", "project"],
    ["完成情況(√/×/部分完成)", "完成情况"],
    ["協(xié)作部門", "协作部门"],
  ])("%j → %j", (h, k) => expect(normalizeHeader(h)).toBe(k));

  it("keeps the bracketed hints apart", () => {
    expect(parseHeader("對接人(姓名/部門/聯繫方式)")).toEqual({
      base: "对接人",
      full: "对接人姓名/部门/联系方式",
      hints: ["姓名", "部门", "联系方式"],
    });
    expect(parseHeader("Contact (Name / Phone)").hints).toEqual(["name", "phone"]);
  });
});

describe("matchHeadersIn", () => {
  it("maps names, English names, aliases and traditional forms", () => {
    const m = matchHeadersIn(["項目", "Core Work", "訂單號"], ALL);
    expect(m?.templateId).toBe("contacts");
    expect(m?.columns).toEqual([
      { index: 0, header: "項目", key: "project" },
      { index: 1, header: "Core Work", key: "work" },
      { index: 2, header: "訂單號" },
    ]);
    expect(m?.missingRequired).toEqual(["对接人-姓名"]);
  });

  it("a compound header maps to all the group's columns in its own order", () => {
    const m = matchHeadersIn(["项目名称", "對接人(姓名/聯繫方式/部門)", "核心工作内容"], ALL);
    expect(m?.columns[1]).toEqual({
      index: 1,
      header: "對接人(姓名/聯繫方式/部門)",
      compoundKeys: ["contactName", "contactPhone", "contactDept"],
    });
    expect(m?.missingRequired).toEqual([]);
  });

  it("hints that do not name the members fall back to the group's order; a bare group name too", () => {
    expect(matchHeadersIn(["项目名称", "对接人(姓名/职位/电话)", "核心工作内容"], ALL)?.columns[1].compoundKeys).toEqual([
      "contactName",
      "contactDept",
      "contactPhone",
    ]);
    expect(matchHeadersIn(["项目名称", "对接人", "核心工作内容"], ALL)?.columns[1].compoundKeys).toEqual([
      "contactName",
      "contactDept",
      "contactPhone",
    ]);
  });

  it("English compound headers use the members' common English prefix", () => {
    const m = matchHeadersIn(["Project", "Contact (name/phone)", "Core work"], ALL);
    expect(m?.columns[1].compoundKeys).toEqual(["contactName", "contactPhone"]);
  });

  it("a single hint or a split column maps to one key", () => {
    const m = matchHeadersIn(["项目名称", "对接人(姓名)", "对接人-联系方式", "核心工作内容"], ALL);
    expect(m?.columns.map((x) => x.key)).toEqual(["project", "contactName", "contactPhone", "work"]);
  });

  it("a header containing a column's name matches it when the name is at least half of it", () => {
    const m = matchHeadersIn(["项目名称", "对接人", "本周/月核心工作内容"], ALL);
    expect(m?.columns[2].key).toBe("work");
    // 备注 is too short to be found inside a longer header.
    expect(matchHeadersIn(["项目名称", "对接人", "核心工作内容", "其他备注信息"], ALL)?.columns[3].key).toBeUndefined();
  });

  it("a repeated header claims its column once", () => {
    const m = matchHeadersIn(["项目名称", "项目名称", "对接人", "核心工作内容"], ALL);
    expect(m?.columns.map((x) => x.key)).toEqual(["project", undefined, undefined, "work"]);
  });

  it("picks the template covering most of its own columns", () => {
    expect(matchHeadersIn(["订单号", "项目名称"], ALL)?.templateId).toBe("orders");
    expect(matchHeadersIn(["订单号", "项目名称", "金额"], ALL)?.score).toBe(1);
  });

  it("needs two columns and most of the required ones", () => {
    expect(matchHeadersIn(["项目名称"], ALL)).toBeUndefined();
    expect(matchHeadersIn(["备注", "对接人-部门", "金额"], ALL)).toBeUndefined();
    expect(matchHeadersIn(["甲", "乙", "丙"], ALL)).toBeUndefined();
    expect(matchHeadersIn([], ALL)).toBeUndefined();
  });

  it("ties go to the earlier template", () => {
    const a = tpl("a", [c("x", "甲", "X", { required: true }), c("y", "乙", "Y", { required: true })]);
    const b = tpl("b", [c("x", "甲", "X", { required: true }), c("y", "乙", "Y", { required: true })]);
    expect(matchHeadersIn(["甲", "乙"], [a, b])?.templateId).toBe("a");
    expect(matchHeadersIn(["甲", "乙"], [b, a])?.templateId).toBe("b");
  });
});

describe("recognizeGridIn", () => {
  const grid: RawCell[][] = [
    [null, "订单汇总表", null, null, null],
    [null, null, null, null, null],
    [null, "订单号", "项目名称", "金额", null],
    [null, "PO-1", "发布会", 100, null],
    [null, null, null, null, null],
    [null, "PO-2", null, "   ", null],
    [null, null, null, null, "外面的备注"],
    [null, null, null, null, null],
  ];
  it("finds a header on row 3 under a title, ignoring empty columns", () => {
    const r = recognizeGridIn(grid, ALL);
    expect(r).toMatchObject({ templateId: "orders", headerRowOffset: 2, firstColumn: 1, lastColumn: 3, dataRows: 3 });
    expect(r?.columns.map((x) => x.index)).toEqual([0, 1, 2]);
  });
  it("looks only at the first maxHeaderRows rows", () => {
    expect(recognizeGridIn(grid, ALL, 2)).toBeUndefined();
    const deep: RawCell[][] = [...Array.from({ length: 10 }, () => [null]), ["订单号", "项目名称"]];
    expect(recognizeGridIn(deep, ALL)).toBeUndefined();
    expect(recognizeGridIn(deep, ALL, 11)?.headerRowOffset).toBe(10);
  });
  it("a header row with nothing below has no data rows; empty grids match nothing", () => {
    expect(recognizeGridIn([["订单号", "项目名称"]], ALL)?.dataRows).toBe(0);
    expect(recognizeGridIn([], ALL)).toBeUndefined();
    expect(
      recognizeGridIn(
        [
          [null, null],
          ["", " "],
        ],
        ALL,
      ),
    ).toBeUndefined();
  });
  it("an empty header cell inside the table is a column without key", () => {
    const r = recognizeGridIn(
      [
        ["订单号", null, "项目名称"],
        ["PO-1", "x", "y"],
      ],
      ALL,
    );
    expect(r?.columns).toEqual([
      { index: 0, header: "订单号", key: "orderNo" },
      { index: 1, header: "" },
      { index: 2, header: "项目名称", key: "project" },
    ]);
  });
});
