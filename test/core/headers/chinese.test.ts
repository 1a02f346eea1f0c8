import { toSimplified } from "../../../src/core/headers/chinese";

describe("toSimplified", () => {
  it.each([
    ["項目名稱", "项目名称"],
    ["對接人(姓名/部門/聯繫方式)", "对接人(姓名/部门/联系方式)"],
    ["完成情況(√/×/部分完成)", "完成情况(√/×/部分完成)"],
    ["面談", "面谈"],
    ["匯報週期", "汇报周期"],
    ["溝通機制", "沟通机制"],
  ])("%j → %j", (t, s) => expect(toSimplified(t)).toBe(s));

  it("leaves simplified, ASCII and empty text unchanged", () => {
    for (const s of ["项目名称", "Project name", "", "2024-05-10", "√"]) expect(toSimplified(s)).toBe(s);
  });
  it("memoised calls give the same answer", () => {
    expect(toSimplified("協作部門")).toBe("协作部门");
    expect(toSimplified("協作部門")).toBe("协作部门");
  });
  it("converts long text too", () => {
    const long = "溝通".repeat(200);
    expect(toSimplified(long)).toBe("沟通".repeat(200));
  });
});
