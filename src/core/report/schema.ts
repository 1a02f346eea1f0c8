import { z } from "zod";
import { parseIsoDate } from "../cells/civil";
import { RULE_IDS, RULE_SEVERITY } from "../rules/spec";

/**
 * The JSON report of `liaison check --format json` (contract.md "Report"), as a zod schema: the
 * single source of the `Report` type and of the well-formedness check used by tests and by
 * anyone reading a stored report. Key order in `buildReport` follows the contract.
 */

const A1 = /^([A-Z]{1,3})([1-9]\d*)$/;

export const severitySchema = z.enum(["error", "warning", "info"]);

export const findingSchema = z
  .strictObject({
    sheet: z.string().min(1),
    row: z.number().int().min(1),
    column: z.string().min(1),
    cell: z.string().regex(A1),
    rule: z.enum(RULE_IDS),
    severity: severitySchema,
    message: z.string().min(1),
  })
  .refine((f) => Number(A1.exec(f.cell)?.[2]) === f.row, { message: "cell is not on the finding's row", path: ["cell"] })
  .refine((f) => f.severity === RULE_SEVERITY[f.rule] || (f.rule === "type" && f.severity === "warning"), {
    message: "severity does not match the rule (contract.md)",
    path: ["severity"],
  });

export const reportTableSchema = z.strictObject({
  sheet: z.string().min(1),
  template: z.string().min(1),
  headerRow: z.number().int().min(1),
  rows: z.number().int().min(0),
  range: z.string().regex(/^[A-Z]+\d+(:[A-Z]+\d+)?$/),
  skippedRows: z.array(
    z.strictObject({
      row: z.number().int().min(1),
      reason: z.enum(["blank", "total", "note", "signature", "caption", "header"]),
    }),
  ),
});

const count = z.number().int().min(0);

export const reportSchema = z
  .strictObject({
    file: z.string(),
    today: z.string().refine((s) => parseIsoDate(s) !== undefined, { message: "YYYY-MM-DD" }),
    calendar: z.strictObject({ provisional: z.boolean(), years: z.array(z.number().int()) }),
    tables: z.array(reportTableSchema),
    findings: z.array(findingSchema),
    summary: z.strictObject({ error: count, warning: count, info: count }),
  })
  .refine((r) => (["error", "warning", "info"] as const).every((s) => r.summary[s] === r.findings.filter((f) => f.severity === s).length), {
    message: "summary does not match the findings",
    path: ["summary"],
  })
  .refine((r) => r.findings.filter((f) => f.rule === "calendar").length <= 1, {
    message: "more than one calendar finding",
    path: ["findings"],
  });

export type Report = z.infer<typeof reportSchema>;
export type ReportFinding = z.infer<typeof findingSchema>;
export type ReportTable = z.infer<typeof reportTableSchema>;
