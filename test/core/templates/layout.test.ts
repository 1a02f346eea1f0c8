import { dayFromSerial, isoDate, isoDateTime, minuteFromSerial } from "../../../src/core/cells/civil";
import { isExcelDate, type RawCell } from "../../../src/core/cells/types";
import { TEMPLATES, getTemplate } from "../../../src/core/templates";
import { columnLayout, defaultFormat, templateLayout } from "../../../src/core/templates/layout";

const cellOf = (id: string, row: number, key: string): RawCell => {
  const layout = templateLayout(getTemplate(id), { examples: true });
  const i = layout.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return layout.rows[row][i];
};

describe("templateLayout", () => {
  test("without examples: headers, widths, formats, no rows", () => {
    for (const tpl of TEMPLATES) {
      const layout = templateLayout(tpl, { examples: false });
      expect(layout.templateId).toBe(tpl.id);
      expect(layout.tableName).toBe(tpl.tableName);
      expect(layout.rows).toEqual([]);
      expect(layout.columns.map((c) => c.header)).toEqual(tpl.columns.map((c) => c.name));
      for (const c of layout.columns) {
        expect(c.width).toBeGreaterThan(0);
        expect(c.numberFormat.length).toBeGreaterThan(0);
      }
    }
    expect(templateLayout(getTemplate("work-report"), { examples: false }).sheetName).toBe("周、月度工作汇报表");
  });

  test("with examples: one row per example, in column order", () => {
    for (const tpl of TEMPLATES) {
      const layout = templateLayout(tpl, { examples: true });
      expect(layout.rows.length).toBe(tpl.examples.length);
      for (const row of layout.rows) expect(row.length).toBe(tpl.columns.length);
    }
  });

  test("full dates become Excel dates; 05-20, 无 and - stay as written", () => {
    const d = cellOf("collab-request", 0, "milestone");
    expect(d).toEqual({ kind: "date", serial: 45412 }); // 2024-04-30
    expect(cellOf("collab-request", 1, "milestone")).toBe("05-20");
    expect(cellOf("collab-request", 2, "milestone")).toBe("06-10");
    expect(cellOf("collab-request", 1, "resources")).toBe("无");
    expect(cellOf("collab-request", 1, "contactName")).toBeNull();
    expect(cellOf("partner-progress", 2, "actualDate")).toBe("-");
    const planned = cellOf("partner-progress", 1, "plannedDate");
    expect(isExcelDate(planned) && isoDate(dayFromSerial(planned.serial))).toBe("2024-05-20");
    expect(cellOf("customer-log", 0, "commTime")).toBe("05-10");
    expect(cellOf("partner-progress", 1, "nextStep")).toBe("5月22日前修改");
  });

  test("date-times keep their clock time", () => {
    const t = cellOf("incidents", 0, "discoveredAt");
    expect(isExcelDate(t) && isoDateTime(minuteFromSerial(t.serial))).toBe("2024-09-10 09:20");
    const c = cellOf("meetings", 0, "confirmDeadline");
    expect(isExcelDate(c) && isoDate(dayFromSerial(c.serial))).toBe("2024-09-26");
  });

  test("numbers stay numbers; text stays text", () => {
    expect(cellOf("supplier-evaluation", 3, "total")).toBe(79.5);
    expect(cellOf("supplier-evaluation", 0, "period")).toBe("2024Q1");
    expect(cellOf("collab-request", 0, "contactPhone")).toBe("138");
    expect(cellOf("work-report", 0, "completion")).toBe("√");
  });

  test("other written forms of full dates and numeric text", () => {
    const tpl = {
      ...getTemplate("action-items"),
      columns: [
        { key: "a", name: "甲", en: "A", type: "date" as const },
        { key: "b", name: "乙", en: "B", type: "date" as const },
        { key: "c", name: "丙", en: "C", type: "datetime" as const },
        { key: "d", name: "丁", en: "D", type: "number" as const },
        { key: "e", name: "戊", en: "E", type: "integer" as const },
        { key: "f", name: "己", en: "F", type: "date" as const },
        { key: "g", name: "庚", en: "G", type: "text" as const },
      ],
      examples: [{ a: "2024/5/10", b: "2024年5月10日", c: "2024年5月10日 14:30", d: " 28.5 ", e: "约30", f: "2024-02-30", g: "=1+1" }],
    };
    const [row] = templateLayout(tpl, { examples: true }).rows;
    const serial = 45422; // 2024-05-10
    expect(row[0]).toEqual({ kind: "date", serial });
    expect(row[1]).toEqual({ kind: "date", serial });
    expect(isExcelDate(row[2]) && isoDateTime(minuteFromSerial(row[2].serial))).toBe("2024-05-10 14:30");
    expect(row[3]).toBe(28.5);
    expect(row[4]).toBe("约30");
    expect(row[5]).toBe("2024-02-30"); // not a real date
    expect(row[6]).toBe("=1+1"); // adapters write strings as text
  });
});

describe("columnLayout", () => {
  test("default formats by type", () => {
    expect(defaultFormat("date")).toBe("yyyy-mm-dd");
    expect(defaultFormat("datetime")).toBe("yyyy-mm-dd hh:mm");
    expect(defaultFormat("integer")).toBe("0");
    expect(defaultFormat("number")).toBe("General");
    for (const t of ["text", "phone", "enum", "multi-enum", "quarter"] as const) expect(defaultFormat(t)).toBe("@");
  });

  test("enum lists are strict, multi-enum lists are not, others have none", () => {
    const tpl = getTemplate("collab-request");
    const mech = columnLayout(tpl.columns.find((c) => c.key === "commMechanism")!);
    expect([mech.list, mech.listStrict]).toEqual([["例会", "站会", "群聊", "邮件"], false]);
    const status = columnLayout(getTemplate("action-items").columns.find((c) => c.key === "status")!);
    expect([status.list, status.listStrict, status.required]).toEqual([["未开始", "进行中", "已完成"], true, true]);
    const date = columnLayout(tpl.columns.find((c) => c.key === "milestone")!);
    expect([date.list, date.listStrict, date.numberFormat, date.type]).toEqual([undefined, false, "yyyy-mm-dd", "date"]);
    expect(date.hint).toBeDefined();
  });

  test("explicit formats and widths win over defaults", () => {
    const price = columnLayout(getTemplate("quotes").columns.find((c) => c.key === "unitPrice")!);
    expect(price.numberFormat).toBe("#,##0.00");
    const noWidth = columnLayout({ key: "x", name: "甲", en: "X", type: "datetime" });
    expect(noWidth.width).toBeGreaterThanOrEqual(16);
    expect(noWidth.required).toBe(false);
    expect("hint" in noWidth).toBe(false);
  });
});
