import { excelDate, type RawCell } from "../../../src/core/cells/types";
import { serialFromDay } from "../../../src/core/cells/civil";
import { buildDocuments, DOCUMENT_SOURCES, MAX_DOCUMENT_ROWS } from "../../../src/core/documents/build";
import { readSelectedRows } from "../../../src/core/documents/read-selected";
import { rowRanges } from "../../../src/core/documents/table-view";
import { LiaisonError } from "../../../src/core/errors";
import type { Catalog } from "../../../src/core/i18n";
import { documentMessages } from "../../../src/core/i18n/messages/documents";
import { errorMessages } from "../../../src/core/i18n/messages/errors";
import { getTemplate } from "../../../src/core/templates";
import type { FoundTable, SelectedRows } from "../../../src/app/port";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { calendar, day, foundColumns, readExamples, readRows, run } from "./fixtures";

const TODAY = day("2024-10-08");

function errorOf(f: () => unknown): LiaisonError {
  try {
    f();
  } catch (e) {
    if (e instanceof LiaisonError) return e;
    throw e;
  }
  throw new Error("expected a LiaisonError");
}

describe("buildDocuments: which rows", () => {
  it("refuses a table of the wrong template, in both languages", () => {
    const meetings = readExamples("meetings", TODAY);
    const e = errorOf(() => run("notice", meetings, { today: TODAY }));
    expect(e.key).toBe("wrongTemplateForDocument");
    expect(e.describe("zh-CN")).toBe(
      "整改通知书只能由“供应商评估表”中的行生成，所选行属于“沟通会议记录”。请选中“供应商评估表”中的行后再试。",
    );
    expect(errorOf(() => run("reminder", meetings, { today: TODAY })).key).toBe("wrongTemplateForDocument");
    const en = errorOf(() => run("minutes", readExamples("supplier-evaluation", TODAY), { today: TODAY, lang: "en-US" }));
    expect(en.describe("en-US")).toBe(
      'The document "Meeting minutes" is made from rows of "Meetings" or "Action items"; the selected rows belong to "Supplier evaluation". Select rows of "Meetings" or "Action items" and try again.',
    );
    expect(errorOf(() => run("minutes", readExamples("supplier-evaluation", TODAY), { today: TODAY })).message).toBe(
      "会议纪要只能由“沟通会议记录”或“待办事项”中的行生成，所选行属于“供应商评估表”。请选中“沟通会议记录”或“待办事项”中的行后再试。",
    );
  });

  it("refuses more than MAX_DOCUMENT_ROWS rows", () => {
    const rows = Array.from({ length: MAX_DOCUMENT_ROWS + 1 }, (_, i) => ({ supplierName: `供应商${i}`, period: "2024Q2", total: 70 }));
    const e = errorOf(() => run("notice", readRows("supplier-evaluation", rows, TODAY), { today: TODAY }));
    expect(e.key).toBe("tooManyRows");
    expect(e.params).toEqual({ rows: 201, limit: 200 });
    const ok = run("notice", readRows("supplier-evaluation", rows.slice(0, MAX_DOCUMENT_ROWS), TODAY), { today: TODAY });
    expect(ok.documents).toHaveLength(200);
    expect(new Set(ok.documents.map((d) => d.number)).size).toBe(200);
    expect(ok.documents[199].number).toBe("ZG-2024Q2-200");
  });

  it("an empty selection is noEligibleRows", () => {
    const e = errorOf(() => run("notice", readRows("supplier-evaluation", [], TODAY), { today: TODAY }));
    expect(e.key).toBe("noEligibleRows");
    expect(e.message).toBe("所选行中没有可生成整改通知书的行：—");
  });

  it("every kind names the templates it is made from", () => {
    for (const ids of Object.values(DOCUMENT_SOURCES)) for (const id of ids) expect(getTemplate(id).id).toBe(id);
  });
});

describe("register entries", () => {
  it("one per document, sheet left for the adapter, rows as people write them, Shanghai minute of now", () => {
    const r = run("notice", readExamples("supplier-evaluation", TODAY), { today: TODAY, now: TODAY * 1440 + 23 * 60 + 59, sheet: "评估" });
    expect(r.entries).toEqual([
      {
        number: "ZG-2023Q4-001",
        kind: "notice",
        documentSheet: "",
        sourceSheet: "评估",
        sourceRows: "3",
        createdAt: "2024-10-08 23:59",
        recipient: "鑫达物流有限公司",
        status: "已生成",
        dueDate: "2024-10-28",
      },
      {
        number: "ZG-2024Q1-001",
        kind: "notice",
        documentSheet: "",
        sourceSheet: "评估",
        sourceRows: "4",
        createdAt: "2024-10-08 23:59",
        recipient: "鑫达物流有限公司",
        status: "已生成",
        dueDate: "2024-10-28",
      },
      {
        number: "ZG-2024Q1-002",
        kind: "notice",
        documentSheet: "",
        sourceSheet: "评估",
        sourceRows: "5",
        createdAt: "2024-10-08 23:59",
        recipient: "恒通IT设备有限公司",
        status: "已生成",
        dueDate: "2024-10-28",
      },
    ]);
  });

  it("two runs over the same rows give different numbers when the first run was registered", () => {
    const sel = readExamples("supplier-evaluation", TODAY);
    const first = run("notice", sel, { today: TODAY });
    const second = run("notice", sel, { today: TODAY, register: first.entries });
    expect(second.documents.map((d) => d.number)).toEqual(["ZG-2023Q4-002", "ZG-2024Q1-003", "ZG-2024Q1-004"]);
    const all = [...first.entries, ...second.entries].map((e) => e.number);
    expect(new Set(all).size).toBe(all.length);
  });

  it("rowRanges: 5,7-9", () => {
    expect(rowRanges([9, 5, 7, 8, 8])).toBe("5,7-9");
    expect(rowRanges([])).toBe("");
  });
});

describe("readSelectedRows", () => {
  it("keeps the Excel row of each selected row, also when the selection has gaps and blank rows", () => {
    const tpl = getTemplate("supplier-evaluation");
    const table: FoundTable = {
      sheet: "评估",
      templateId: tpl.id,
      kind: "table",
      headerRow: 1,
      firstColumn: 0,
      rows: 9,
      address: "A1:J10",
      columns: foundColumns(tpl),
      missingRequired: [],
    };
    const row = (name: string, total: number): RawCell[] => [name, "2024Q2", null, null, null, null, null, total, null, null];
    const selected: SelectedRows = {
      table,
      excelRows: [3, 5, 6, 9],
      body: [row("甲", 70), row("乙", 90), Array(10).fill(null), row("丙", 60)],
    };
    const read = readSelectedRows(tpl, selected, TODAY);
    expect(read.excelRows).toEqual([3, 5, 9]);
    const r = buildDocuments("notice", {
      selected: { tpl, read, sheet: "评估" },
      settings: DEFAULT_SETTINGS,
      today: TODAY,
      now: TODAY * 1440,
      calendar,
      register: [],
    });
    expect(r.documents.map((d) => d.source.rows)).toEqual([[3], [9]]);
    expect(r.skipped.map((s) => s.row)).toEqual([5]);
  });

  it("dates in selected rows are read as the adapters give them (Excel serials)", () => {
    const tpl = getTemplate("action-items");
    const table: FoundTable = {
      sheet: "待办",
      templateId: tpl.id,
      kind: "table",
      headerRow: 1,
      firstColumn: 0,
      rows: 1,
      address: "A1:F2",
      columns: foundColumns(tpl),
      missingRequired: [],
    };
    const selected: SelectedRows = {
      table,
      excelRows: [7],
      body: [["事项", "刘强", excelDate(serialFromDay(day("2024-10-01"))), "进行中", null, null]],
    };
    const read = readSelectedRows(tpl, selected, TODAY);
    const r = run("reminder", { tpl, read }, { today: TODAY });
    expect(r.entries[0].sourceRows).toBe("7");
    expect(r.documents[0].blocks.some((b) => b.kind === "table" && b.rows[0][3] === "7天")).toBe(true);
  });
});

describe("catalogs", () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it.each([
    ["documents", documentMessages as Catalog],
    ["errors", errorMessages as Catalog],
  ])("%s: same keys and placeholders in zh-CN and en-US", (_n, catalog) => {
    expect(Object.keys(catalog["en-US"]).sort()).toEqual(Object.keys(catalog["zh-CN"]).sort());
    for (const key of Object.keys(catalog["zh-CN"]))
      expect([key, placeholders(catalog["en-US"][key])]).toEqual([key, placeholders(catalog["zh-CN"][key])]);
  });
});
