/**
 * A company's own Word template, filled with docxtemplater: the user writes the letter as they
 * want it (their 红头, their wording) and puts placeholders where Liaison's values go —
 * `{供应商名称}`, `{总分}`, `{整改期限}`, loops such as `{#待办事项}{事项内容}{/待办事项}`; see
 * `TEMPLATE_FIELDS` for every name. Several documents in one file repeat the template's whole body,
 * one document a page.
 *
 * Checked before anything is written: a placeholder Liaison does not fill, or a template that is
 * not a readable .docx or has unbalanced tags, is a LiaisonError naming what is wrong. User text
 * stays text: docxtemplater escapes every value as XML text, so `=HYPERLINK(…)` or `<b>` in a
 * supplier's name is printed as those characters.
 *
 * Runs in Node and the browser (PizZip and docxtemplater are plain JS); the task pane loads it with
 * import() so both stay out of the pane's first script.
 */
import Docxtemplater from "docxtemplater";
import InspectModule from "docxtemplater/js/inspect-module.js";
import PizZip from "pizzip";
import type { DocumentKind, DocumentModel, TemplateData } from "../../core/documents/model";
import { LiaisonError } from "../../core/errors";

/**
 * Every placeholder a template may use, per document, with the fields of each loop's rows. The
 * builders' `data` hold exactly these (a test keeps them in step).
 */
export const TEMPLATE_FIELDS: Readonly<
  Record<DocumentKind, { readonly values: readonly string[]; readonly lists: Readonly<Record<string, readonly string[]>> }>
> = {
  notice: {
    values: [
      "编号",
      "标题",
      "供应商名称",
      "评估周期",
      "总分",
      "合格线",
      "薄弱项",
      "整改期限",
      "整改工作日",
      "签发日期",
      "公司名称",
      "签发部门",
      "联系人",
      "联系电话",
    ],
    lists: { 评分项目: ["项目", "满分", "得分", "得分率"], 整改要求: ["要求"] },
  },
  minutes: {
    values: [
      "编号",
      "标题",
      "会议主题",
      "会议时间",
      "主持人",
      "记录人",
      "参会人",
      "关键结论",
      "确认截止日期",
      "审核人",
      "发送日期",
      "公司名称",
      "签发部门",
      "联系人",
      "联系电话",
    ],
    lists: { 待办事项: ["事项内容", "负责人", "截止日期"] },
  },
  reminder: {
    values: ["编号", "标题", "负责人", "催办日期", "公司名称", "签发部门", "联系人", "联系电话"],
    lists: { 逾期事项: ["事项内容", "来源会议", "截止日期", "逾期天数", "处理"] },
  },
};

/** The loop that repeats the template's body for each document of a file (internal names). */
const EACH = "__liaison_documents";
const NOT_LAST = "__liaison_more";

const OPTIONS = { paragraphLoop: true, linebreaks: true } as const;

function openZip(bytes: Uint8Array): PizZip {
  try {
    return new PizZip(bytes);
  } catch {
    throw new LiaisonError("wordTemplateUnreadable", {});
  }
}

/** docxtemplater's own errors (an unclosed `{`, a loop closed twice) as one line naming them. */
function templateError(e: unknown): LiaisonError {
  const errors = (e as { properties?: { errors?: { properties?: { explanation?: string } }[] } }).properties?.errors;
  const list = errors?.map((x) => x.properties?.explanation).filter((x): x is string => typeof x === "string");
  if (list && list.length > 0) return new LiaisonError("wordTemplateInvalid", { problems: list.slice(0, 3).join("; ") });
  if (e instanceof Error && (e as { name?: string }).name === "TemplateError")
    return new LiaisonError("wordTemplateInvalid", { problems: e.message });
  throw e;
}

function compile(zip: PizZip, modules: object[] = []): Docxtemplater {
  try {
    return new Docxtemplater(zip, { ...OPTIONS, modules: modules as never[] });
  } catch (e) {
    throw templateError(e);
  }
}

/**
 * The placeholders of a template that Liaison does not fill for this kind of document, as the user
 * wrote them (`{供应商}`, `{#事项}`); empty when every one is known.
 */
export function unknownPlaceholders(template: Uint8Array, kind: DocumentKind): string[] {
  const inspect = new InspectModule();
  compile(openZip(template), [inspect]);
  const fields = TEMPLATE_FIELDS[kind];
  const top = new Set([...fields.values, ...Object.keys(fields.lists)]);
  const unknown: string[] = [];
  const walk = (tags: Record<string, unknown>, inner: ReadonlySet<string>): void => {
    for (const [name, sub] of Object.entries(tags)) {
      const children = (sub ?? {}) as Record<string, unknown>;
      const list = fields.lists[name];
      if (!inner.has(name) && !top.has(name)) unknown.push(name);
      // Inside a loop: its rows' fields, and (as docxtemplater resolves them) the document's own.
      if (Object.keys(children).length > 0) walk(children, new Set([...inner, ...(list ?? [])]));
    }
  };
  walk(inspect.getAllTags(), new Set());
  return [...new Set(unknown)];
}

/** Throws the LiaisonError a person reads when the template cannot make these documents. */
export function checkUserTemplate(template: Uint8Array, kind: DocumentKind): void {
  const unknown = unknownPlaceholders(template, kind);
  if (unknown.length > 0) {
    throw new LiaisonError("wordTemplateUnknownPlaceholders", {
      names: unknown.map((n) => `{${n}}`).join("、"),
      known: [...TEMPLATE_FIELDS[kind].values, ...Object.keys(TEMPLATE_FIELDS[kind].lists)].map((n) => `{${n}}`).join(" "),
    });
  }
}

/** The body of word/document.xml wrapped in a loop over the documents, a page break between two. */
function repeatBody(xml: string): string {
  const open = xml.indexOf("<w:body>");
  const close = xml.lastIndexOf("</w:body>");
  if (open < 0 || close < 0) throw new LiaisonError("wordTemplateUnreadable", {});
  const body = xml.slice(open + "<w:body>".length, close);
  // The last section's properties stay last: they belong to the whole file.
  const sect = body.lastIndexOf("<w:sectPr");
  const content = sect >= 0 ? body.slice(0, sect) : body;
  const tail = sect >= 0 ? body.slice(sect) : "";
  const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const pageBreak = `<w:p><w:r><w:br w:type="page"/></w:r></w:p>`;
  return (
    xml.slice(0, open + "<w:body>".length) +
    p(`{#${EACH}}`) +
    content +
    p(`{#${NOT_LAST}}`) +
    pageBreak +
    p(`{/${NOT_LAST}}`) +
    p(`{/${EACH}}`) +
    tail +
    xml.slice(close)
  );
}

/**
 * Fills the template with the documents (all of one kind), one after another. Throws a LiaisonError
 * (nothing produced) for an unreadable template, bad tags or an unknown placeholder.
 */
export function fillUserTemplate(template: Uint8Array, docs: readonly DocumentModel[]): Uint8Array {
  if (docs.length === 0) throw new Error("fillUserTemplate: no documents");
  const kind = docs[0].kind;
  checkUserTemplate(template, kind);
  const zip = openZip(template);
  let data: TemplateData | Record<string, unknown> = docs[0].data;
  if (docs.length > 1) {
    const main = zip.file("word/document.xml");
    if (!main) throw new LiaisonError("wordTemplateUnreadable", {});
    zip.file("word/document.xml", repeatBody(main.asText()));
    data = { [EACH]: docs.map((d, i) => ({ ...d.data, [NOT_LAST]: i < docs.length - 1 })) };
  }
  const doc = compile(zip);
  try {
    doc.render(data);
  } catch (e) {
    throw templateError(e);
  }
  return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
}
