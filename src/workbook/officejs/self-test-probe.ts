import { cellAddress } from "../../core/a1";
import type { CellPlace, HostInfo, SelfTestProbe } from "../../app/self-test/probe";
import { MARK_SIGNATURE } from "../../core/marks/mark";

/**
 * The self-test's checks that the workbook port has no call for (src/app/self-test/probe.ts), in
 * Excel. `office` is the `Office` global (given, so tests can stand in for it).
 */

/** The subset of `Office` read for host facts. */
export interface OfficeHost {
  readonly context: {
    readonly diagnostics?: { readonly host?: string; readonly platform?: string; readonly version?: string };
    readonly displayLanguage?: string;
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

/** Requirement sets worth reporting: the highest supported version of each. */
const SETS: readonly { readonly name: string; readonly max: number }[] = [
  { name: "ExcelApi", max: 20 },
  { name: "DialogApi", max: 3 },
  { name: "SharedRuntime", max: 2 },
  { name: "RibbonApi", max: 3 },
];

export class OfficeSelfTestProbe implements SelfTestProbe {
  constructor(private readonly office: OfficeHost) {}

  async hostInfo(): Promise<HostInfo> {
    const c = this.office.context;
    const apiSets: string[] = [];
    for (const { name, max } of SETS) {
      let best: string | undefined;
      for (let minor = 1; minor <= max; minor++) if (c.requirements.isSetSupported(name, `1.${minor}`)) best = `1.${minor}`;
      apiSets.push(best === undefined ? `${name} –` : `${name} ${best}`);
    }
    return {
      host: c.diagnostics?.host ?? "?",
      platform: c.diagnostics?.platform ?? "?",
      version: c.diagnostics?.version ?? "?",
      language: c.displayLanguage ?? "?",
      apiSets,
    };
  }

  sheetNames(): Promise<string[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  activeCell(): Promise<CellPlace> {
    return Excel.run(async (context) => {
      const cell = context.workbook.getActiveCell().load("rowIndex,columnIndex");
      const sheet = cell.worksheet.load("name");
      await context.sync();
      return { sheet: sheet.name, cell: cellAddress(cell.columnIndex, cell.rowIndex + 1) };
    });
  }

  restoreActiveCell(place: CellPlace): Promise<void> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(place.sheet);
      sheet.activate();
      sheet.getRange(place.cell).select();
      await context.sync();
    });
  }

  addUserRule(sheet: string, cell: string): Promise<void> {
    return Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem(sheet).getRange(cell).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=LEN(${cell})>=0`;
      cf.custom.format.font.color = "#0000FF";
      await context.sync();
    });
  }

  countRules(sheet: string): Promise<{ marks: number; others: number }> {
    return Excel.run(async (context) => {
      const formats = context.workbook.worksheets
        .getItem(sheet)
        .getRange()
        .conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
      await context.sync();
      const marks = formats.items.filter(
        (cf) => cf.type === "Custom" && cf.customOrNullObject.rule.formula.includes(MARK_SIGNATURE),
      ).length;
      return { marks, others: formats.items.length - marks };
    });
  }

  /**
   * Listens on `worksheets.onChanged` (ExcelApi 1.9), writes `text`, and waits for the event
   * naming the cell. The handler is removed in the context that added it, whatever happens.
   */
  async receiveChange(sheet: string, cell: string, text: string, timeoutMs: number): Promise<{ triggerSource?: string }> {
    let resolve: (e: { triggerSource?: string }) => void = () => undefined;
    const heard = new Promise<{ triggerSource?: string }>((r) => (resolve = r));
    const registration = await Excel.run(async (context) => {
      const r = context.workbook.worksheets.onChanged.add(async (event) => {
        if (event.address.replace(/\$/g, "").toUpperCase() === cell.toUpperCase())
          resolve({ triggerSource: (event as { triggerSource?: string }).triggerSource });
      });
      await context.sync();
      return r;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[text]];
        await context.sync();
      });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`No change event within ${timeoutMs} ms`)), timeoutMs);
      });
      return await Promise.race([heard, timeout]);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      await Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    }
  }

  deleteSheet(name: string): Promise<void> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name).load("visibility");
      await context.sync();
      // A very hidden sheet must be made visible before Excel deletes it.
      if (sheet.visibility === "VeryHidden") sheet.visibility = "Hidden";
      sheet.delete();
      await context.sync();
    });
  }
}
