import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CliError } from "../errors";

/**
 * `--out x.pdf`: the Word files converted by LibreOffice (`soffice --headless --convert-to pdf`),
 * when it is installed; otherwise one clear line (CliError, exit 2, nothing written).
 *
 * Each document is converted from its own .docx and the PDFs joined with poppler's `pdfunite`
 * when it is there, so every document's footer counts its own pages (LibreOffice 7 leaves Word's
 * SECTIONPAGES blank in a file of several documents). LibreOffice runs with Liaison's fontconfig
 * file, which maps 仿宋/宋体/黑体 to Noto Serif/Sans CJK SC on machines without them.
 */

const CANDIDATES = [
  "soffice",
  "libreoffice",
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

const runs = (cmd: string, args: readonly string[]): boolean => {
  const r = spawnSync(cmd, args, { stdio: "ignore", timeout: 60_000 });
  return r.error === undefined && r.status === 0;
};

/** The LibreOffice program: `LIAISON_SOFFICE`, else the first of the usual names that runs. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.LIAISON_SOFFICE;
  if (given !== undefined && given !== "") return runs(given, ["--version"]) ? given : undefined;
  return CANDIDATES.find((c) => (c.includes("/") || c.includes("\\") ? existsSync(c) : true) && runs(c, ["--version"]));
}

/** Liaison's fontconfig file, found from this module up to the package root. */
function fontconfigFile(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "assets", "fontconfig", "fonts.conf");
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

/**
 * One PDF of the documents. `each`: one .docx per document, joined with `pdfunite` when it is
 * installed (every footer counts its own pages); otherwise `all`, the one .docx of them all, is
 * converted as it is.
 */
export function docxToPdf(all: Uint8Array, each: readonly Uint8Array[], env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const soffice = findSoffice(env);
  if (!soffice) throw new CliError("pdfNeedsLibreOffice", {});
  const files = each.length > 1 && runs("pdfunite", ["-v"]) ? each : [all];
  const dir = mkdtempSync(path.join(tmpdir(), "liaison-pdf-"));
  try {
    const names = files.map((bytes, i) => {
      const name = path.join(dir, `document-${String(i + 1).padStart(3, "0")}.docx`);
      writeFileSync(name, bytes);
      return name;
    });
    const fonts = fontconfigFile();
    const r = spawnSync(
      soffice,
      // Its own profile: a LibreOffice the user has open does not block a headless one.
      [
        `-env:UserInstallation=file://${path.join(dir, "profile").replace(/\\/g, "/")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...names,
      ],
      { stdio: "pipe", timeout: 300_000, env: { ...env, ...(fonts ? { FONTCONFIG_FILE: fonts } : {}) } },
    );
    const pdfs = names.map((n) => n.replace(/\.docx$/, ".pdf"));
    if (r.error !== undefined || r.status !== 0 || !pdfs.every((p) => existsSync(p))) {
      const reason = (r.error?.message ?? r.stderr?.toString() ?? "").trim().split("\n")[0];
      throw new CliError("pdfConversionFailed", { reason: reason || `exit ${r.status ?? "?"}` });
    }
    if (pdfs.length === 1) return readFileSync(pdfs[0]);
    const joined = path.join(dir, "all.pdf");
    if (!runs("pdfunite", [...pdfs, joined])) throw new CliError("pdfConversionFailed", { reason: "pdfunite" });
    return readFileSync(joined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
