export { buildReport, exitCode, reportFinding, type BuildReportInput, type ReportTableInput } from "./build";
export { formatTextReport } from "./text";
export {
  reportSchema,
  findingSchema,
  reportTableSchema,
  severitySchema,
  type Report,
  type ReportFinding,
  type ReportTable,
} from "./schema";
export { findingText, saidOf, type ShownFinding } from "./shown";
