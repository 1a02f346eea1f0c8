import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Every .ts/.tsx file under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The module specifiers of a file's import/export-from statements and dynamic imports. */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^;]*?\sfrom\s+"([^"]+)"/gm)) found.push(m[1]);
  for (const m of source.matchAll(/^\s*import\s+"([^"]+)"/gm)) found.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?"([^"]+)"\s*\)/g)) found.push(m[1]);
  return found;
}

/** The files a file imports by relative path, resolved (without extension), relative to `root`. */
export function localImports(file: string, root: string): string[] {
  return specifiers(readFileSync(file, "utf8"))
    .filter((spec) => spec.startsWith("."))
    .map((spec) =>
      path
        .relative(root, path.resolve(path.dirname(file), spec))
        .split(path.sep)
        .join("/"),
    );
}
