/**
 * The typesetting check of issue 13: half-width punctuation inside Chinese text. A mark is an
 * offender when it sits in a Chinese sentence, i.e. when the nearest character on either side
 * (spaces skipped) is Chinese — a Han character or Chinese punctuation (，。：“”…):
 *   `编号:ZG` (`:` after 号), `致:鑫达`, `77分,低于`, `({n}个工作日内)`, `liaison: 警告`.
 * Brackets count as a pair: `(` … `)` holding any Han character is an offender even when the
 * characters next to the brackets are Latin (`(LIAISON_LANG 环境变量)`). A full stop counts when it
 * follows Chinese and ends the text or is followed by Chinese (`无法读取.`), not in `文件.xlsx`.
 * Half-width marks between digits and Latin letters (`5,7-9`, `09:00`, `A1:F20`, `e.g.`) are fine.
 */

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** Han characters and the punctuation that only appears in Chinese text. */
const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\u201c\u201d\u2018\u2019\u2026\u2014]/u;
const MARKS = new Set([",", ":", ";", "!", "?", "(", ")"]);

function nearest(chars: readonly string[], i: number, step: -1 | 1): string {
  let j = i + step;
  while (j >= 0 && j < chars.length && (chars[j] === " " || chars[j] === "\t")) j += step;
  return j >= 0 && j < chars.length ? chars[j] : "";
}

export interface Offence {
  /** The mark and a few characters around it, as a person would look for it. */
  readonly excerpt: string;
  readonly text: string;
}

/** Every half-width mark set inside Chinese text, with its surroundings. */
export function halfWidthInChinese(text: string): Offence[] {
  const chars = [...text];
  const hits = new Set<number>();
  chars.forEach((c, i) => {
    const before = nearest(chars, i, -1);
    const after = nearest(chars, i, 1);
    if (MARKS.has(c) && (CHINESE.test(before) || CHINESE.test(after))) hits.add(i);
    if (c === "." && CHINESE.test(before) && (after === "" || CHINESE.test(after))) hits.add(i);
  });
  const open: number[] = [];
  chars.forEach((c, i) => {
    if (c === "(") open.push(i);
    else if (c === ")" && open.length > 0) {
      const start = open.pop() as number;
      if (chars.slice(start + 1, i).some((x) => HAN.test(x))) hits.add(start).add(i);
    }
  });
  return [...hits].sort((a, b) => a - b).map((i) => ({ excerpt: chars.slice(Math.max(0, i - 6), i + 7).join(""), text }));
}

/** A message template as it reads once filled in: every `{placeholder}` becomes a Chinese word. */
export const filledWithChinese = (template: string): string => template.replace(/\{\w+\}/g, "甲乙");
