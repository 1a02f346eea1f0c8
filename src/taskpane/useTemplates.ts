import { useEffect, useState } from "react";
import type { TemplateDef } from "../core/templates/types";

/**
 * The template catalogue, loaded as a chunk of its own (≈14 kB gzipped with every column, option
 * and example row) so that it is not part of the pane's initial script. One load per page; a
 * failed load is reported and retried on the next mount.
 */
let loading: Promise<readonly TemplateDef[]> | undefined;

export function loadTemplates(): Promise<readonly TemplateDef[]> {
  loading ??= import(/* webpackChunkName: "templates" */ "../core/templates").then(
    (m) => m.TEMPLATES,
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

export type TemplatesState =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly templates: readonly TemplateDef[] }
  | { readonly status: "failed"; readonly error: unknown };

export function useTemplates(): TemplatesState {
  const [state, setState] = useState<TemplatesState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    loadTemplates().then(
      (templates) => live && setState({ status: "ready", templates }),
      (error: unknown) => {
        console.error(error);
        if (live) setState({ status: "failed", error });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
