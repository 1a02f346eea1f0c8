/**
 * Front ends never import each other (issue 9): the task pane, the ribbon commands, the CLI and
 * the preview page each call the use cases of src/app (and the core, and an adapter), never
 * another front end. The lint rule in eslint.config.mjs says the same in the editor. The use
 * cases themselves import no front end; the adapters import no front end and, of src/app, only
 * the port interfaces they implement.
 *
 * The one exception, by design: the preview page hosts the task pane — it renders the pane's
 * <App> beside its grid, as Excel hosts it — so src/preview may import the pane's App and context,
 * and what a host sets up around them (the pane's theme and the language stored for it). Nothing
 * else of the pane.
 */
import path from "node:path";
import { localImports, sourceFiles } from "../support/imports";

const SRC = path.resolve(__dirname, "../../src");
const FRONT_ENDS = ["taskpane", "commands", "cli", "preview"] as const;

/** Importer folder → the modules of another front end it may import (paths under src/, no extension). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // The preview hosts the pane (see above).
  preview: ["taskpane/App", "taskpane/context", "taskpane/theme", "taskpane/language"],
};

const areaOf = (relative: string): string => relative.split("/")[0];

function crossings(area: string): { file: string; target: string }[] {
  return sourceFiles(path.join(SRC, area)).flatMap((file) =>
    localImports(file, SRC)
      .filter((target) => areaOf(target) !== area && (FRONT_ENDS as readonly string[]).includes(areaOf(target)))
      .map((target) => ({ file: path.relative(SRC, file).split(path.sep).join("/"), target })),
  );
}

describe("front ends import no other front end", () => {
  it("resolves imports relative to src (the scanner itself works)", () => {
    expect(localImports(path.join(SRC, "preview/index.tsx"), SRC)).toContain("app/traditional");
  });

  it.each(FRONT_ENDS.map((area) => [area]))("src/%s", (area) => {
    const allowed = ALLOWED[area] ?? [];
    expect(crossings(area).filter((c) => !allowed.includes(c.target))).toEqual([]);
  });

  it("every exception is still needed", () => {
    for (const [area, targets] of Object.entries(ALLOWED)) {
      const used = new Set(crossings(area).map((c) => c.target));
      expect(targets.filter((t) => !used.has(t))).toEqual([]);
    }
  });

  it("src/app imports no front end", () => {
    const wrong = sourceFiles(path.join(SRC, "app")).flatMap((file) =>
      localImports(file, SRC).filter((target) => (FRONT_ENDS as readonly string[]).includes(areaOf(target))),
    );
    expect(wrong).toEqual([]);
  });

  it("the adapters import no front end, and of src/app only the ports they implement", () => {
    const PORTS = ["app/port", "app/layout-port", "app/self-test/probe"];
    const wrong = sourceFiles(path.join(SRC, "workbook")).flatMap((file) =>
      localImports(file, SRC)
        .filter(
          (target) => (FRONT_ENDS as readonly string[]).includes(areaOf(target)) || (areaOf(target) === "app" && !PORTS.includes(target)),
        )
        .map((target) => `${path.relative(SRC, file)} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });
});
