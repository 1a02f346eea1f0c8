import { type ComponentType, lazy } from "react";
import type { TaskpaneKey } from "../../core/i18n/messages/taskpane";
import { loadTemplates } from "../useTemplates";

/**
 * The pane's tabs, in order. A tab is one component file in this folder; adding one (校验, 文书)
 * means adding its file, its label to the taskpane catalog, and a line here.
 *
 * Every tab is loaded when first opened (React.lazy → a chunk each), which keeps the initial
 * download within the budget of the official template's hello-world however many tabs follow.
 * The first tab's chunk is requested together with the template catalogue it shows, so opening
 * the pane costs one round trip more than the page itself, not two.
 */
export interface PaneTab {
  readonly id: string;
  readonly label: TaskpaneKey;
  readonly Component: ComponentType;
}

export const TABS: readonly PaneTab[] = [
  {
    id: "templates",
    label: "tabTemplates",
    Component: lazy(() => {
      void loadTemplates().catch(() => undefined); // the tab reports a failed load itself (useTemplates)
      return import(/* webpackChunkName: "tab-templates" */ "./TemplatesTab").then((m) => ({ default: m.TemplatesTab }));
    }),
  },
  {
    id: "tables",
    label: "tabTables",
    Component: lazy(() => import(/* webpackChunkName: "tab-tables" */ "./TablesTab").then((m) => ({ default: m.TablesTab }))),
  },
  {
    id: "validate",
    label: "tabValidate",
    Component: lazy(() => import(/* webpackChunkName: "tab-validate" */ "./ValidateTab").then((m) => ({ default: m.ValidateTab }))),
  },
  {
    id: "documents",
    label: "tabDocuments",
    Component: lazy(() => import(/* webpackChunkName: "tab-documents" */ "./DocumentsTab").then((m) => ({ default: m.DocumentsTab }))),
  },
  {
    // 看板: its own folder (src/taskpane/dashboard) and chunk, with the charts library inside it.
    id: "dashboard",
    label: "tabDashboard",
    Component: lazy(() =>
      import(/* webpackChunkName: "tab-dashboard" */ "../dashboard/DashboardTab").then((m) => ({ default: m.DashboardTab })),
    ),
  },
  {
    id: "settings",
    label: "tabSettings",
    Component: lazy(() => import(/* webpackChunkName: "tab-settings" */ "./SettingsTab").then((m) => ({ default: m.SettingsTab }))),
  },
];
