import { parseIsoDate } from "../../../src/core/cells/civil";
import { mailtoUrl, workbookReminder } from "../../../src/core/remind";
import { parseSettings } from "../../../src/core/settings";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { actionItemsBook } from "./fixtures";

/** What the pane's 复制催办消息 / 发邮件 get for the open workbook. */
describe("workbookReminder", () => {
  it("gives the same digest as remind, and one draft per owner addressed from the workbook's 通讯录", async () => {
    const book = await XlsxWorkbook.load(
      await actionItemsBook(
        [
          ["提交排期表", "刘强", "2024-09-30", "进行中"],
          ["准备宣传物料", "王芳", "2024-10-09", "未开始"],
        ],
        [["刘强", "13800138001", "liuqiang@example.com"]],
      ),
    );
    const today = parseIsoDate("2024-10-08") as number;
    const r = workbookReminder({
      file: "",
      sheets: await book.listSheets(),
      tables: await book.readTables({ kind: "all" }),
      settings: parseSettings(undefined).settings,
      today,
      now: today * 1440 + 540,
      lang: "zh-CN",
    });
    expect(r.hasContacts).toBe(true);
    expect(r.text.split("\n").slice(0, 5)).toEqual([
      "催办提醒（2024年10月8日）",
      "共2项：需问责1项，已逾期0项，即将到期1项。",
      "",
      "刘强（1项）",
      "【问责】提交排期表｜截止2024年9月30日，已逾期8天｜待办事项 › 第2行",
    ]);
    expect(r.drafts.map((d) => [d.owner, d.to, d.count])).toEqual([
      ["刘强", "liuqiang@example.com", 1],
      ["王芳", undefined, 1],
    ]);
    const url = mailtoUrl(r.drafts[0]);
    expect(url.startsWith("mailto:liuqiang@example.com?subject=")).toBe(true);
    const params = new URLSearchParams(url.slice(url.indexOf("?") + 1));
    expect(params.get("subject")).toBe("【催办】刘强：1项待办（2024年10月8日）");
    expect(params.get("body")).toContain("刘强，您好：\r\n");
    expect(mailtoUrl(r.drafts[1]).startsWith("mailto:?subject=")).toBe(true);
  });
});
