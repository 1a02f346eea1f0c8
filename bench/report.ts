import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

/** The bench's output: a plain-text table on stdout, the same figures as Markdown in docs/performance.md. */

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ram: string;
  readonly node: string;
  readonly os: string;
  /** When the bench ran (UTC). */
  readonly date: string;
}

export interface Section {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly notes: readonly string[];
}

export interface Goal {
  readonly what: string;
  readonly measured: string;
  /** undefined: not measured in this run. */
  readonly met: boolean | undefined;
}

export interface RunInfo {
  readonly machine: Machine;
  readonly rows: number;
  readonly totalMs: number;
  /** Peak RSS of the bench's own process (parts 1 and 3 run in it), KiB. */
  readonly ownPeakKiB: number;
  /** 1-minute load average at the start and the end of the run: how busy the machine was. */
  readonly load: readonly [number, number];
}

function cpuModel(): string {
  // /proc/cpuinfo names the model on Linux; os.cpus() is the fallback elsewhere.
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) return m[1].trim();
  } catch {
    // Not Linux: fall through to os.cpus(), which every platform has.
  }
  return os.cpus()[0]?.model ?? "unknown CPU";
}

export function machineOf(): Machine {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    ram: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

const verdict = (met: boolean | undefined): string => (met === undefined ? "not measured" : met ? "met" : "NOT MET");

/** Terminal columns of a text: CJK characters take two (punctuation such as × or → one). */
const displayWidth = (s: string): number => [...s].reduce((n, ch) => n + (/[\u1100-\uFFFF]/.test(ch) && !/[–—×≤≥→…·]/.test(ch) ? 2 : 1), 0);

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c + " ".repeat(Math.max(0, widths[i] - displayWidth(c)))).join("  ");
}

function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = displayWidth;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  return [pad(header, widths), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map((r) => pad(r, widths))].join("\n");
}

const loadText = (r: RunInfo): string => `load average ${r.load[0].toFixed(1)} at the start, ${r.load[1].toFixed(1)} at the end`;

function machineLine(r: RunInfo): string {
  const m = r.machine;
  return `${m.cpu}, ${m.cores} cores, ${m.ram}, node ${m.node}, ${m.os}; run ${m.date}; ${loadText(r)}`;
}

export function renderText(r: RunInfo, sections: readonly Section[], goals: readonly Goal[]): string {
  const out: string[] = ["", `Liaison bench — ${machineLine(r)}`, ""];
  for (const s of sections) {
    out.push(s.title);
    if (s.rows.length > 0) out.push(textTable(s.header, s.rows));
    for (const n of s.notes) out.push(`  · ${n}`);
    out.push("");
  }
  out.push("Goals");
  out.push(
    textTable(
      ["Goal", "Measured", "Verdict"],
      goals.map((g) => [g.what, g.measured, verdict(g.met)]),
    ),
  );
  out.push("", `Bench process peak RSS ${(r.ownPeakKiB / 1024).toFixed(0)} MiB; whole run ${(r.totalMs / 1000).toFixed(0)} s.`, "");
  return out.join("\n");
}

const cell = (s: string): string => s.replace(/\|/g, "\\|");

function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

export function renderMarkdown(r: RunInfo, sections: readonly Section[], goals: readonly Goal[]): string {
  const m = r.machine;
  const out: string[] = [
    `Measured ${m.date} with \`npm run bench\` (${r.rows.toLocaleString("en-US")} rows; whole run ${(r.totalMs / 1000).toFixed(0)} s).`,
    "",
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.ram}`,
    `- Node ${m.node}, ${m.os}`,
    `- Busy: ${loadText(r)} (${m.cores} cores)`,
    "",
    "### Goals",
    "",
    mdTable(
      ["Goal", "Measured", "Verdict"],
      goals.map((g) => [g.what, g.measured, g.met === false ? "**NOT MET**" : verdict(g.met)]),
    ),
    "",
  ];
  for (const s of sections) {
    out.push(`### ${s.title}`, "");
    if (s.rows.length > 0) out.push(mdTable(s.header, s.rows), "");
    for (const n of s.notes) out.push(`- ${n}`);
    out.push("");
  }
  out.push(`Peak RSS of the bench's own process (parts 1 and 3 run in it): ${(r.ownPeakKiB / 1024).toFixed(0)} MiB.`);
  return out.join("\n");
}

export const BEGIN = "<!-- bench:begin (generated by npm run bench; edit outside these markers) -->";
export const END = "<!-- bench:end -->";

/**
 * Replaces the generated block of the document, keeping the hand-written text around it. A
 * document without the markers gets them appended, so the analysis is never overwritten.
 */
export function writeDoc(file: string, block: string): void {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n\n";
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const generated = `${BEGIN}\n\n${block}\n\n${END}`;
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + generated + text.slice(end + END.length)
      : `${text.replace(/\n*$/, "\n\n")}${generated}\n`;
  writeFileSync(file, next);
}
