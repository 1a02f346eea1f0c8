import { AlignmentType, LeaderType, Paragraph, TabStopType, TextRun, type Table } from "docx";
import type { DocBlock, DocField } from "../../core/documents/model";
import { BODY_EM, COLOR, LINE, SIZE, TEXT_WIDTH } from "./theme";
import { dataTable, fieldsGrid } from "./tables";
import { emWidth, runProps, textRuns } from "./text";

/** What the block renderers need from the language: fixed strings and heading numerals. */
export interface BlockText {
  readonly colon: string;
  readonly cutLine: string;
  readonly emptyTable: string;
  /** `一、` / `1. ` for the n-th numbered heading. */
  headingNumber(n: number): string;
}

type Element = Paragraph | Table;

/** Tracks the numbered headings of one document (numbering restarts with every document). */
export interface BlockState {
  headings: number;
}

/** A field as one line of text: `签发部门:采购部`; a label without a value (`(盖章)`) stays alone. */
function fieldLine(f: DocField, colon: string): string {
  if (f.value === "") return f.label;
  if (f.label === "") return f.value;
  return f.label + colon + f.value;
}

/** An empty paragraph of a given height, to separate blocks without relying on the next one's spacing. */
function spacer(twips: number): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: twips, lineRule: "exact" }, children: [] });
}

function heading(text: string, numbered: boolean | undefined, state: BlockState, t: BlockText): Paragraph {
  const prefix = numbered ? t.headingNumber(++state.headings) : "";
  return new Paragraph({
    keepNext: true,
    keepLines: true,
    spacing: { before: 120, after: 40, line: LINE.body },
    children: textRuns(prefix + text, { font: "heading", size: SIZE.heading, bold: true }),
  });
}

function paragraph(text: string, emphasis: boolean | undefined): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * BODY_EM },
    spacing: { before: 0, after: 60, line: LINE.body },
    children: textRuns(text, { bold: emphasis }),
  });
}

/**
 * The 落款: issuer lines centred on one another in the right half of the page, as Chinese letters
 * sign (署名 above 成文日期, the date about four characters in from the right margin). A line whose
 * value is empty is a blank to fill in by hand: its label, then an underscore leader to the end.
 * `seal`: three lines of space above, where the seal goes.
 */
function signature(lines: readonly DocField[], colon: string, seal: boolean | undefined): Paragraph[] {
  const blockWidth = Math.round(TEXT_WIDTH * 0.45);
  const left = TEXT_WIDTH - blockWidth - 4 * BODY_EM;
  return lines.map((f, i) => {
    const blank = f.value === "" && f.label !== "";
    return new Paragraph({
      alignment: blank ? AlignmentType.LEFT : AlignmentType.CENTER,
      indent: { left, right: 4 * BODY_EM },
      keepNext: i < lines.length - 1,
      keepLines: true,
      spacing: { before: i === 0 ? (seal ? Math.round(2.5 * LINE.body) : 200) : 0, after: 0, line: LINE.body },
      tabStops: blank ? [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 4 * BODY_EM, leader: LeaderType.UNDERSCORE }] : [],
      children: blank ? [...textRuns(f.label + colon), new TextRun({ ...runProps(), text: "\t" })] : textRuns(fieldLine(f, colon)),
    });
  });
}

/** 附注 under the 落款: small, flush left (联系人、联系电话). */
function note(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 160, after: 0, line: LINE.body },
    children: textRuns(text, { size: SIZE.note }),
  });
}

/**
 * The cut line: dashes (a hyphen tab leader) either side of a small centred "沿此线剪开", so it
 * stretches exactly across the text width whatever the font. The first tab stop sits where the
 * centred label must start.
 */
function cutLine(label: string): Paragraph {
  const labelTwips = Math.ceil(emWidth(` ${label} `) * SIZE.cutLine * 10);
  const start = Math.max(0, Math.floor((TEXT_WIDTH - labelTwips) / 2));
  const style = { size: SIZE.cutLine, color: COLOR.muted };
  return new Paragraph({
    keepNext: true,
    spacing: { before: 200, after: 40, line: LINE.table },
    tabStops: [
      { type: TabStopType.LEFT, position: start, leader: LeaderType.HYPHEN },
      { type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.HYPHEN },
    ],
    children: [
      new TextRun({ ...runProps(style), text: "\t" }),
      new TextRun({ ...runProps(style), text: ` ${label} ` }),
      new TextRun({ ...runProps(style), text: "\t" }),
    ],
  });
}

/**
 * A receipt line to fill in by hand: the label, then an underscore leader to the tab stop. Two
 * lines share a printed line (签收人 ____ 日期 ____); a line that already has a value prints it.
 */
function receiptLines(lines: readonly DocField[], colon: string): Paragraph[] {
  const half = Math.floor(TEXT_WIDTH / 2);
  const gap = BODY_EM;
  const out: Paragraph[] = [];
  const part = (f: DocField): TextRun[] =>
    f.value === "" ? [...textRuns(f.label + colon), new TextRun({ ...runProps(), text: "\t" })] : textRuns(fieldLine(f, colon));
  for (let i = 0; i < lines.length; i += 2) {
    const a = lines[i];
    const b = lines[i + 1];
    const children: TextRun[] = [...part(a)];
    const tabStops = [];
    if (b) {
      if (a.value !== "") children.push(new TextRun({ ...runProps(), text: "\t" }));
      tabStops.push({ type: TabStopType.LEFT, position: half - gap, leader: a.value === "" ? LeaderType.UNDERSCORE : LeaderType.NONE });
      // The second field starts one tab later, at the middle of the line.
      children.push(new TextRun({ ...runProps(), text: "\t" }), ...part(b));
      tabStops.push({ type: TabStopType.LEFT, position: half });
      tabStops.push({ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.UNDERSCORE });
    } else {
      tabStops.push({ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.UNDERSCORE });
    }
    out.push(
      new Paragraph({
        keepNext: i + 2 < lines.length,
        keepLines: true,
        spacing: { before: 160, after: 0, line: LINE.body },
        tabStops,
        children,
      }),
    );
  }
  return out;
}

function receipt(block: Extract<DocBlock, { kind: "receipt" }>, t: BlockText): Paragraph[] {
  return [
    cutLine(t.cutLine),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 60, after: 120, line: LINE.body },
      children: textRuns(block.title, { font: "heading", size: SIZE.receiptTitle, bold: true }),
    }),
    ...(block.text === ""
      ? []
      : [
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            keepNext: true,
            indent: { firstLine: 2 * BODY_EM },
            spacing: { before: 0, after: 60, line: LINE.body },
            children: textRuns(block.text),
          }),
        ]),
    ...receiptLines(block.lines, t.colon),
  ];
}

/** One model block as Word elements. */
export function renderBlock(block: DocBlock, state: BlockState, t: BlockText): Element[] {
  switch (block.kind) {
    case "heading":
      return [heading(block.text, block.numbered, state, t)];
    case "paragraph":
      return [paragraph(block.text, block.emphasis)];
    case "fields":
      // A table directly after another table would merge with it in Word; the spacer keeps them apart.
      return block.fields.length === 0 ? [] : [fieldsGrid(block.fields, t.colon, SIZE.body), spacer(80)];
    case "table":
      return [
        dataTable({
          columns: block.columns,
          rows: block.rows,
          highlightRows: block.highlightRows,
          emptyText: block.emptyText ?? t.emptyTable,
        }),
        spacer(120),
      ];
    case "signature":
      return signature(block.lines, t.colon, block.seal);
    case "note":
      return [note(block.text)];
    case "receipt":
      return receipt(block, t);
  }
}
