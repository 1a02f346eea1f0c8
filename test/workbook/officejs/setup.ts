import { LiaisonError } from "../../../src/core/errors";
import type { ErrorKey } from "../../../src/core/i18n/messages/errors";
import { installExcelDouble, WorkbookModel, type InstalledDouble } from "../../doubles/excel-double";

/** Installs a fresh Excel double as the global `Excel` around each test. */
export function useExcelDouble(...sheetNames: string[]): { readonly model: WorkbookModel } {
  let installed: InstalledDouble | undefined;
  const handle = {
    get model(): WorkbookModel {
      if (!installed) throw new Error("the double is installed in beforeEach");
      return installed.model;
    },
  };
  beforeEach(() => {
    installed = installExcelDouble(new WorkbookModel(...sheetNames));
  });
  afterEach(() => {
    installed?.restore();
    installed = undefined;
  });
  return handle;
}

/** Expects a LiaisonError with `key` from `p`. */
export async function expectLiaison(p: Promise<unknown>, key: ErrorKey): Promise<LiaisonError> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof LiaisonError)) throw e;
    expect(e.key).toBe(key);
    return e;
  }
  throw new Error(`expected LiaisonError ${key}`);
}
