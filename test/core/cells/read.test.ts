import { dayFromYmd, serialFromDay, serialFromMinute } from "../../../src/core/cells/civil";
import { cellReader, EMPTY, parseQuarter, readCell, type CellRead } from "../../../src/core/cells/read";
import { excelDate, excelError, type RawCell } from "../../../src/core/cells/types";
import type { ColumnDef, ColumnType } from "../../../src/core/templates/types";

const col = (type: ColumnType, extra: Partial<ColumnDef> = {}): ColumnDef => ({ key: "k", name: "列", en: "Col", type, ...extra });
const NUMBER = col("number");
const INTEGER = col("integer");
const DATE = col("date");
const DATETIME = col("datetime");
const TEXT = col("text");
const PHONE = col("phone");
const QUARTER = col("quarter");
const ENUM = col("enum", { options: ["电话", "面谈", "邮件"], optionAliases: { 当面: "面谈", Email: "邮件" } });
const TICK = col("enum", { options: ["√", "×", "部分完成"], optionAliases: { 已完成: "√", x: "×" } });
const YESNO = col("enum", { options: ["是", "否"] });
const MULTI = col("multi-enum", {
  options: ["例会", "站会", "群聊", "邮件"],
  optionAliases: { 周例会: "例会", 钉钉群: "群聊", 每日站会: "站会" },
});

const value = (v: string | number | readonly string[]): CellRead => ({ kind: "value", value: v });
const invalid = (reason: string, text: string): CellRead => ({ kind: "invalid", reason, text }) as CellRead;
const day = (y: number, m: number, d: number): number => dayFromYmd(y, m, d);
const minute = (y: number, m: number, d: number, h: number, mi: number): number => dayFromYmd(y, m, d) * 1440 + h * 60 + mi;

describe("empty cells", () => {
  const all = [NUMBER, INTEGER, DATE, DATETIME, TEXT, PHONE, QUARTER, ENUM, MULTI];
  it.each(all.map((c) => [c.type, c] as const))("%s: null, blank and spaces-only are empty", (_t, c) => {
    for (const raw of [null, "", "   ", "\u3000\u3000", "\u00A0", "\t\n"]) expect(readCell(raw, c)).toBe(EMPTY);
  });
  it("the empty result is one shared frozen object", () => {
    expect(Object.isFrozen(EMPTY)).toBe(true);
    expect(readCell(null, NUMBER)).toBe(readCell("  ", DATE));
  });
});

describe("placeholders", () => {
  const placeholders = ["无", "-", "—", "/", "待定", "N/A", "n/a", "無", "－", "——", " - ", "／"];
  it.each([NUMBER, INTEGER, DATE, DATETIME].map((c) => [c.type, c] as const))("read as empty in %s columns", (_t, c) => {
    for (const p of placeholders) expect(readCell(p, c)).toBe(EMPTY);
  });
  it("are text in text columns", () => {
    expect(readCell("无", TEXT)).toEqual(value("无"));
    expect(readCell(" - ", TEXT)).toEqual(value("-"));
    expect(readCell("待定", TEXT)).toEqual(value("待定"));
  });
  it("are not list values or phones", () => {
    expect(readCell("无", ENUM)).toEqual(invalid("not-in-list", "无"));
    expect(readCell("-", PHONE)).toEqual(invalid("not-a-phone", "-"));
  });
  it("暂无 is not a placeholder: a date column reports it", () => {
    expect(readCell("暂无", DATE)).toEqual(invalid("not-a-date", "暂无"));
  });
});

describe("number and integer columns", () => {
  it.each<[RawCell, number]>([
    [28, 28],
    [-3.5, -3.5],
    [0, 0],
    ["28", 28],
    [" 28 ", 28],
    ["２８", 28],
    ["\u3000２８\u3000", 28],
    ["1,234", 1234],
    ["1,234.5", 1234.5],
    ["12,345,678", 12345678],
    ["１，２３４", 1234],
    ["-7", -7],
    ["+7", 7],
    ["0.5", 0.5],
    [".5", 0.5],
    ["1e3", 1000],
  ])("%j → %p", (raw, n) => expect(readCell(raw, NUMBER)).toEqual(value(n)));

  it.each<[RawCell, string]>([
    ["八十", "八十"],
    ["约30", "约30"],
    ["30分", "30分"],
    ["30%", "30%"],
    ["1,23", "1,23"],
    ["12,34,567", "12,34,567"],
    ["1 234", "1 234"],
    ["5万元", "5万元"],
  ])("%j is not a number", (raw, text) => expect(readCell(raw, NUMBER)).toEqual(invalid("not-a-number", text)));

  it("error values are invalid error-value", () => {
    expect(readCell(excelError("#N/A"), NUMBER)).toEqual(invalid("error-value", "#N/A"));
    expect(readCell(excelError("#DIV/0!"), INTEGER)).toEqual(invalid("error-value", "#DIV/0!"));
  });
  it("booleans are not numbers", () => {
    expect(readCell(true, NUMBER)).toEqual(invalid("not-a-number", "TRUE"));
    expect(readCell(false, INTEGER)).toEqual(invalid("not-a-number", "FALSE"));
  });
  it("a date in a number column is not a number", () => {
    expect(readCell(excelDate(serialFromDay(day(2024, 5, 10))), NUMBER)).toEqual(invalid("not-a-number", "2024-05-10"));
  });
  it("NaN and infinities are not numbers", () => {
    expect(readCell(Number.NaN, NUMBER)).toMatchObject({ kind: "invalid", reason: "not-a-number" });
    expect(readCell(Infinity, NUMBER)).toMatchObject({ kind: "invalid", reason: "not-a-number" });
  });
  it("a 10,000-character text is rejected quickly", () => {
    const long = "1".repeat(10_000);
    expect(readCell(long, NUMBER)).toEqual(invalid("not-a-number", long));
  });
  it("integers: whole numbers, formula noise rounded, fractions rejected", () => {
    expect(readCell(3, INTEGER)).toEqual(value(3));
    expect(readCell("3.0", INTEGER)).toEqual(value(3));
    expect(readCell(0.1 * 30, INTEGER)).toEqual(value(3));
    expect(readCell(3.5, INTEGER)).toEqual(invalid("not-an-integer", "3.5"));
    expect(readCell("２.５", INTEGER)).toEqual(invalid("not-an-integer", "２.５"));
  });
});

describe("date columns", () => {
  const may10 = day(2024, 5, 10);
  it.each<[RawCell, number]>([
    [excelDate(serialFromDay(may10)), may10],
    [excelDate(serialFromDay(may10) + 0.6), may10], // a date-time's date part
    [serialFromDay(may10), may10], // a plain number: an Excel serial
    ["2024-05-10", may10],
    ["2024/5/10", may10],
    ["2024.5.10", may10],
    ["2024年5月10日", may10],
    ["2024 年 5 月 10 日", may10],
    ["２０２４－０５－１０", may10],
    ["2024-05-10 14:30", may10],
    ["2024/5/10 14:30:00", may10],
    ["2024年5月10日 14:30", may10],
    ["2024-05-10T14:30", may10],
    ["2024年5月10日前", may10],
  ])("%j → 2024-05-10", (raw, d) => expect(readCell(raw, DATE)).toEqual(value(d)));

  it.each<[RawCell]>([
    ["2024-02-30"],
    ["2023-02-29"],
    ["2024-13-01"],
    ["2024-05-10 25:00"],
    ["2024-5/10"],
    ["24-05-10"],
    ["20240510"],
    ["2024年5月"],
    ["五月十日"],
    ["下周一"],
    ["2024-05-10 附近"],
    [0],
    [-5],
    [20240510],
    [true],
    ["x".repeat(10_000)],
  ])("%j is not a date", (raw) => expect(readCell(raw, DATE)).toMatchObject({ kind: "invalid", reason: "not-a-date" }));

  it("2024-02-29 is a date (leap year)", () => expect(readCell("2024-02-29", DATE)).toEqual(value(day(2024, 2, 29))));
  it("error values are error-value", () => expect(readCell(excelError("#REF!"), DATE)).toEqual(invalid("error-value", "#REF!")));

  it.each<[string, number, number]>([
    ["05-10", 5, 10],
    ["5/10", 5, 10],
    ["5.10", 5, 10],
    ["5月10日", 5, 10],
    ["5月22日前", 5, 22],
    ["05-20", 5, 20],
    ["06-10", 6, 10],
    ["2/29", 2, 29],
    ["０５－２０", 5, 20],
  ])("%j has no year", (raw, month, d) => expect(readCell(raw, DATE)).toEqual({ kind: "partial-date", month, day: d }));

  it.each([["13-01"], ["2/30"], ["0/5"], ["5月32日"]])("%j is no date at all", (raw) =>
    expect(readCell(raw, DATE)).toMatchObject({ kind: "invalid", reason: "not-a-date" }),
  );
});

describe("datetime columns", () => {
  const at = minute(2024, 5, 10, 14, 30);
  it.each<[RawCell, number]>([
    [excelDate(serialFromMinute(at)), at],
    [serialFromMinute(at), at],
    ["2024-05-10 14:30", at],
    ["2024/5/10 14:30:00", at],
    ["2024/5/10 14:30:59", at],
    ["2024年5月10日 14:30", at],
    ["2024年5月10日14:30", at],
    ["2024-05-10T14:30", at],
    ["２０２４－０５－１０　１４：３０", at],
    ["2024-05-10", minute(2024, 5, 10, 0, 0)], // a bare date is 00:00
    ["2024年5月10日", minute(2024, 5, 10, 0, 0)],
    [excelDate(serialFromDay(day(2024, 5, 10))), minute(2024, 5, 10, 0, 0)],
  ])("%j", (raw, m) => expect(readCell(raw, DATETIME)).toEqual(value(m)));

  it("Excel's binary fractions round to the nearest minute", () => {
    // 14:30 is 0.6041666… of a day; a stored value a hair below must not become 14:29.
    expect(readCell(excelDate(serialFromDay(day(2024, 5, 10)) + 0.604166666), DATETIME)).toEqual(value(at));
  });
  it.each([["2024-05-10 24:00"], ["2024-05-10 14:60"], ["2024-02-30 10:00"], ["14:30"], ["明天上午"]])("%j is not a date-time", (raw) =>
    expect(readCell(raw, DATETIME)).toMatchObject({ kind: "invalid", reason: "not-a-datetime" }),
  );
  it("partial date-times keep their time", () => {
    expect(readCell("05-10 14:30", DATETIME)).toEqual({ kind: "partial-date", month: 5, day: 10, minute: 870 });
    expect(readCell("05-10", DATETIME)).toEqual({ kind: "partial-date", month: 5, day: 10 });
  });
  it("placeholders are empty, errors are error-value", () => {
    expect(readCell("—", DATETIME)).toBe(EMPTY);
    expect(readCell(excelError("#VALUE!"), DATETIME)).toEqual(invalid("error-value", "#VALUE!"));
  });
});

describe("text columns", () => {
  it("trims and keeps everything else", () => {
    expect(readCell("  甲公司 ", TEXT)).toEqual(value("甲公司"));
    expect(readCell('=HYPERLINK("x")', TEXT)).toEqual(value('=HYPERLINK("x")'));
    expect(readCell("２８", TEXT)).toEqual(value("２８"));
  });
  it("a 10,000-character text is kept whole", () => {
    const long = "长".repeat(10_000);
    expect(readCell(` ${long} `, TEXT)).toEqual(value(long));
  });
  it("numbers, booleans and dates read as they display", () => {
    expect(readCell(1001, TEXT)).toEqual(value("1001"));
    expect(readCell(0.1 + 0.2, TEXT)).toEqual(value("0.3"));
    expect(readCell(true, TEXT)).toEqual(value("TRUE"));
    expect(readCell(false, TEXT)).toEqual(value("FALSE"));
    expect(readCell(excelDate(serialFromDay(day(2024, 4, 1))), TEXT)).toEqual(value("2024-04-01"));
    expect(readCell(excelDate(serialFromMinute(minute(2024, 4, 1, 9, 5))), TEXT)).toEqual(value("2024-04-01 09:05"));
  });
  it("an error value is never valid text", () => expect(readCell(excelError("#N/A"), TEXT)).toEqual(invalid("error-value", "#N/A")));
});

describe("phone columns", () => {
  it.each<[RawCell, string]>([
    ["13812345678", "13812345678"],
    [13812345678, "13812345678"],
    ["138-1234-5678", "138-1234-5678"],
    ["+86 138 1234 5678", "+86 138 1234 5678"],
    ["(010) 8888-6666", "(010) 8888-6666"],
    ["０１０－８８８８６６６６", "010-88886666"],
    ["0571-88886666转123", "0571-88886666转123"],
    ["138", "138"],
  ])("%j", (raw, out) => expect(readCell(raw, PHONE)).toEqual(value(out)));
  it.each([["张三"], ["138abc"], ["a@b.com"], [true]])("%j is not a phone", (raw) =>
    expect(readCell(raw as RawCell, PHONE)).toMatchObject({ kind: "invalid", reason: "not-a-phone" }),
  );
  it("error value", () => expect(readCell(excelError("#N/A"), PHONE)).toEqual(invalid("error-value", "#N/A")));
});

describe("enum columns", () => {
  it.each<[RawCell, string]>([
    ["面谈", "面谈"],
    ["面談", "面谈"], // traditional
    [" 电话 ", "电话"],
    ["電話", "电话"],
    ["郵件", "邮件"],
    ["当面", "面谈"], // alias
    ["email", "邮件"], // alias, any case
    ["EMAIL", "邮件"],
  ])("%j → %j", (raw, out) => expect(readCell(raw, ENUM)).toEqual(value(out)));
  it("look-alike ticks and crosses, aliases of the template", () => {
    expect(readCell("√", TICK)).toEqual(value("√"));
    expect(readCell("✓", TICK)).toEqual(value("√"));
    expect(readCell("✔", TICK)).toEqual(value("√"));
    expect(readCell("✗", TICK)).toEqual(value("×"));
    expect(readCell("X", TICK)).toEqual(value("×"));
    expect(readCell("已完成", TICK)).toEqual(value("√"));
    expect(readCell("部分 完成", TICK)).toEqual(value("部分完成"));
  });
  it("values outside the list", () => {
    expect(readCell("微信", ENUM)).toEqual(invalid("not-in-list", "微信"));
    expect(readCell(5, ENUM)).toEqual(invalid("not-in-list", "5"));
    expect(readCell(true, ENUM)).toEqual(invalid("not-in-list", "TRUE"));
    expect(readCell(excelError("#N/A"), ENUM)).toEqual(invalid("error-value", "#N/A"));
  });
  it("TRUE/FALSE mean 是/否 in a 是/否 column", () => {
    expect(readCell(true, YESNO)).toEqual(value("是"));
    expect(readCell(false, YESNO)).toEqual(value("否"));
    expect(readCell("是", YESNO)).toEqual(value("是"));
  });
});

describe("multi-enum columns", () => {
  it.each<[string, string[]]>([
    ["周例会+钉钉群", ["例会", "群聊"]],
    ["周例会+邮件", ["例会", "邮件"]],
    ["每日站会+钉钉群", ["站会", "群聊"]],
    ["例会、邮件", ["例会", "邮件"]],
    ["例会, 邮件", ["例会", "邮件"]],
    ["例会，郵件", ["例会", "邮件"]],
    ["例会/群聊/邮件", ["例会", "群聊", "邮件"]],
    ["例会＋例会", ["例会"]],
    ["邮件", ["邮件"]],
    ["例会+", ["例会"]],
  ])("%j", (raw, out) => expect(readCell(raw, MULTI)).toEqual(value(out)));
  it("one unknown part makes the cell invalid", () => {
    expect(readCell("例会+电话", MULTI)).toEqual(invalid("not-in-list", "例会+电话"));
    expect(readCell("+", MULTI)).toEqual(invalid("not-in-list", "+"));
  });
});

describe("quarter columns", () => {
  it.each([
    ["2024Q2", "2024Q2"],
    ["2024q2", "2024Q2"],
    ["2024 Q2", "2024Q2"],
    ["2024-Q2", "2024Q2"],
    ["2024年Q2", "2024Q2"],
    ["2024年第2季度", "2024Q2"],
    ["2024年第二季度", "2024Q2"],
    ["2024年2季度", "2024Q2"],
    ["Q4 2023", "2023Q4"],
    ["２０２４Ｑ２", "2024Q2"],
  ])("%j → %j", (raw, out) => expect(readCell(raw, QUARTER)).toEqual(value(out)));
  it.each([["2024Q5"], ["2024-2"], ["2024"], ["第二季度"], ["2024年第五季度"]])("%j is not a quarter", (raw) =>
    expect(readCell(raw, QUARTER)).toEqual(invalid("not-a-quarter", raw)),
  );
  it("numbers, dates, errors", () => {
    expect(readCell(2024, QUARTER)).toEqual(invalid("not-a-quarter", "2024"));
    expect(readCell(excelError("#N/A"), QUARTER)).toEqual(invalid("error-value", "#N/A"));
    expect(parseQuarter("1899Q1")).toBeUndefined();
  });
});

describe("cellReader", () => {
  it("is compiled once per column and agrees with readCell", () => {
    expect(cellReader(NUMBER)).toBe(cellReader(NUMBER));
    const r = cellReader(DATE);
    for (const raw of ["2024-05-10", "05-10", "无", "x", null] as RawCell[]) expect(r(raw)).toEqual(readCell(raw, DATE));
  });
  it("does not depend on the machine's time zone", () => {
    // The same serial reads as the same civil day however TZ is set (the suite also runs under America/Los_Angeles).
    expect(readCell(excelDate(45422), DATE)).toEqual(value(day(2024, 5, 10)));
    expect(readCell(excelDate(45422.99), DATETIME)).toEqual(value(minute(2024, 5, 10, 23, 46)));
  });
});
