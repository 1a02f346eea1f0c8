import fc from "fast-check";
import type { RegisterEntry } from "../../../src/core/documents/model";
import { createNumberer, formatDocumentNumber, parseDocumentNumber } from "../../../src/core/documents/numbering";

const entry = (number: string): RegisterEntry => ({
  number,
  kind: "notice",
  documentSheet: "整改通知书 " + number,
  sourceSheet: "供应商评估表",
  sourceRows: "3",
  createdAt: "2024-07-01 09:00",
  recipient: "",
  status: "已生成",
  dueDate: "",
});

describe("document numbers", () => {
  it("start at 001 per prefix and period, consecutive within a run", () => {
    const n = createNumberer([]);
    expect(n.notice("ZG", "2024Q2")).toBe("ZG-2024Q2-001");
    expect(n.notice("ZG", "2024Q2")).toBe("ZG-2024Q2-002");
    expect(n.notice("ZG", "2024Q3")).toBe("ZG-2024Q3-001");
    expect(n.notice("ZG", "2024Q2")).toBe("ZG-2024Q2-003");
  });

  it("continue after the register: ZG-2024Q2-003 exists → 004; another period starts at 001", () => {
    const n = createNumberer([entry("ZG-2024Q2-001"), entry("ZG-2024Q2-003")]);
    expect(n.notice("ZG", "2024Q2")).toBe("ZG-2024Q2-004");
    expect(n.notice("ZG", "2024Q1")).toBe("ZG-2024Q1-001");
  });

  it("continue after the highest number, not the count of entries (a deleted line never brings a number back)", () => {
    expect(createNumberer([entry("ZG-2024Q2-007")]).notice("ZG", "2024Q2")).toBe("ZG-2024Q2-008");
  });

  it("minutes and reminders are numbered per year, each in its own sequence", () => {
    const n = createNumberer([entry("JY-2024-002"), entry("CB-2023-010")]);
    expect(n.minutes(2024)).toBe("JY-2024-003");
    expect(n.reminder(2024)).toBe("CB-2024-001");
    expect(n.reminder(2023)).toBe("CB-2023-011");
    expect(n.minutes(2025)).toBe("JY-2025-001");
  });

  it("a user's prefix keeps its own sequence; stems compare without case", () => {
    const n = createNumberer([entry("zg-2024q2-005"), entry("QA-2024Q2-001")]);
    expect(n.notice("ZG", "2024Q2")).toBe("ZG-2024Q2-006");
    expect(n.notice("QA", "2024Q2")).toBe("QA-2024Q2-002");
  });

  it("grow past 999 and ignore register lines of another shape", () => {
    const n = createNumberer([entry("ZG-2024Q2-999"), entry("手写编号"), entry("")]);
    expect(n.notice("ZG", "2024Q2")).toBe("ZG-2024Q2-1000");
  });

  it("parse and format", () => {
    expect(parseDocumentNumber("ZG-2024Q2-003")).toEqual({ stem: "ZG-2024Q2", seq: 3 });
    expect(parseDocumentNumber("ZG")).toBeUndefined();
    expect(formatDocumentNumber("JY-2024", 12)).toBe("JY-2024-012");
  });

  it("never clash with the register or with each other (property)", () => {
    const numberArb = fc.tuple(
      fc.constantFrom("ZG-2024Q2", "zg-2024Q2", "ZG-2024Q3", "JY-2024", "CB-2024"),
      fc.integer({ min: 0, max: 1200 }),
      fc.integer({ min: 0, max: 5 }),
    );
    fc.assert(
      fc.property(
        fc.array(numberArb, { maxLength: 30 }),
        fc.array(fc.constantFrom("notice2", "notice3", "minutes", "reminder"), { maxLength: 20 }),
        (reg, asks) => {
          const register = reg.map(([stem, seq, pad]) => entry(`${stem}-${String(seq).padStart(pad, "0")}`));
          const n = createNumberer(register);
          const out = asks.map((a) =>
            a === "notice2"
              ? n.notice("ZG", "2024Q2")
              : a === "notice3"
                ? n.notice("ZG", "2024Q3")
                : a === "minutes"
                  ? n.minutes(2024)
                  : n.reminder(2024),
          );
          const taken = new Set(register.map((e) => e.number.toUpperCase()));
          for (const o of out) expect(taken.has(o.toUpperCase())).toBe(false);
          expect(new Set(out).size).toBe(out.length);
        },
      ),
    );
  });
});
