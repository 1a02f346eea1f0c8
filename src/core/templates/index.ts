import { LiaisonError } from "../errors";
import type { ColumnDef, TemplateDef } from "./types";
import { collabRequest } from "./collab-request";
import { workReport } from "./work-report";
import { customerLog } from "./customer-log";
import { partnerProgress } from "./partner-progress";
import { supplierEvaluation } from "./supplier-evaluation";
import { supplierDirectory } from "./supplier-directory";
import { quotes } from "./quotes";
import { purchaseOrders } from "./purchase-orders";
import { meetings } from "./meetings";
import { actionItems } from "./action-items";
import { incidents } from "./incidents";
import { documentRegister } from "./document-register";
import { contacts } from "./contacts";

export type { ColumnDef, ColumnType, ExampleRow, TemplateDef } from "./types";

/** Every template, in the order of manual.md §1 (also the order of the gallery and of `template all`). */
export const TEMPLATES: readonly TemplateDef[] = [
  collabRequest,
  workReport,
  customerLog,
  partnerProgress,
  supplierEvaluation,
  supplierDirectory,
  quotes,
  purchaseOrders,
  meetings,
  actionItems,
  incidents,
  // Not in manual §1: the register every generated document is logged in (manual §3).
  documentRegister,
  contacts, // not in the manual: the 通讯录 that `liaison remind --contacts` reads
];

export const TEMPLATE_IDS: readonly string[] = TEMPLATES.map((t) => t.id);

const byId = new Map<string, TemplateDef>(TEMPLATES.map((t) => [t.id, t]));

export function findTemplate(id: string): TemplateDef | undefined {
  return byId.get(id);
}

/** The template with this id; an unknown id is user input (CLI argument, stored setting), hence a LiaisonError. */
export function getTemplate(id: string): TemplateDef {
  const tpl = byId.get(id);
  if (!tpl) throw new LiaisonError("unknownTemplate", { id, ids: TEMPLATE_IDS.join(", ") });
  return tpl;
}

/** The default sheet name of a template: its name, unless that cannot be a sheet name. */
export function sheetNameOf(tpl: TemplateDef): string {
  return tpl.sheetName ?? tpl.name;
}

/** The column with this key; a wrong key is a programming mistake, not user input. */
export function column(tpl: TemplateDef, key: string): ColumnDef {
  const col = tpl.columns.find((c) => c.key === key);
  if (!col) throw new Error(`Template "${tpl.id}" has no column "${key}"`);
  return col;
}

export {
  collabRequest,
  workReport,
  customerLog,
  partnerProgress,
  supplierEvaluation,
  supplierDirectory,
  quotes,
  purchaseOrders,
  meetings,
  actionItems,
  incidents,
  documentRegister,
  contacts,
};
