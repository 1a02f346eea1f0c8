/** A write that fails in a read-only workbook is explained (LiaisonError workbookReadOnly); other failures pass unchanged. */
import { LiaisonError } from "../../../src/core/errors";
import { writing } from "../../../src/workbook/officejs/read-only";

const officeError = () => Object.assign(new Error("The operation failed."), { code: "GeneralException" });

describe("writing (Office adapter)", () => {
  it("maps a failed write in a read-only workbook to workbookReadOnly, keeping the cause", async () => {
    const cause = officeError();
    const p = writing(
      async () => {
        throw cause;
      },
      async () => true,
    );
    await expect(p).rejects.toBeInstanceOf(LiaisonError);
    await p.catch((e: LiaisonError & { cause?: unknown }) => {
      expect(e.key).toBe("workbookReadOnly");
      expect(e.cause).toBe(cause);
      expect(e.describe("zh-CN")).toContain("只读");
      expect(e.describe("en-US")).toContain("read-only");
    });
  });

  it("passes the failure on unchanged when the workbook is not read-only, or the question fails", async () => {
    const cause = officeError();
    await expect(
      writing(
        async () => Promise.reject(cause),
        async () => false,
      ),
    ).rejects.toBe(cause);
    const probe = new Error("probe failed");
    const again = officeError();
    await expect(
      writing(
        async () => Promise.reject(again),
        async () => Promise.reject(probe),
      ),
    ).rejects.toBe(again);
    expect((again as Error & { readOnlyProbeError?: unknown }).readOnlyProbeError).toBe(probe);
  });

  it("does not ask for a LiaisonError (already explained) nor for a successful write", async () => {
    const asked = jest.fn(async () => true);
    const protectedSheet = new LiaisonError("sheetProtected", { sheet: "S" });
    await expect(writing(async () => Promise.reject(protectedSheet), asked)).rejects.toBe(protectedSheet);
    await expect(writing(async () => 42, asked)).resolves.toBe(42);
    expect(asked).not.toHaveBeenCalled();
  });
});
