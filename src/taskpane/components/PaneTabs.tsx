import { Tab, TabList, makeStyles } from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  DataBarVerticalRegular,
  DocumentTextRegular,
  SettingsRegular,
  TableAddRegular,
  TableRegular,
} from "@fluentui/react-icons";
import { type ReactElement, useLayoutEffect, useRef, useState } from "react";
import type { Lang } from "../../core/i18n";
import { usePane } from "../context";
import type { PaneTab } from "../tabs";

const useStyles = makeStyles({
  // Never wider than the pane: in the worst case (a pane narrower than the icons) it scrolls.
  list: { overflowX: "auto", overflowY: "hidden", scrollbarWidth: "none" },
});

/** A tab's icon, shown instead of its name when the names do not fit. */
const ICONS: Readonly<Record<string, ReactElement>> = {
  templates: <TableAddRegular />,
  tables: <TableRegular />,
  validate: <CheckmarkCircleRegular />,
  documents: <DocumentTextRegular />,
  dashboard: <DataBarVerticalRegular />,
  settings: <SettingsRegular />,
};

/**
 * The pane's tabs. Excel's pane opens 320 px wide on Windows and 270 px on a Mac: the Chinese
 * names fit, the English ones (Templates … Settings) do not. When the names overflow, the tabs
 * show icons instead, each keeping its name as accessible name and tooltip; when the pane grows
 * back to where the names fit, the names return.
 */
export function PaneTabs({ tabs, selected, onSelect }: { tabs: readonly PaneTab[]; selected: string; onSelect: (id: string) => void }) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const [compact, setCompact] = useState(false);
  // The width the names need, measured while they are shown (per language).
  const needed = useRef(0);
  const [measuredLang, setMeasuredLang] = useState<Lang>(lang);
  if (measuredLang !== lang) {
    // Another language has names of another width: show them and measure again.
    setMeasuredLang(lang);
    setCompact(false);
  }

  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return undefined;
    const fit = () => {
      if (!compact) {
        needed.current = el.scrollWidth;
        if (el.scrollWidth > el.clientWidth) setCompact(true);
      } else if (needed.current > 0 && needed.current <= el.clientWidth) {
        setCompact(false);
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [compact, lang]);

  return (
    <TabList
      ref={list}
      className={styles.list}
      size="small"
      selectedValue={selected}
      onTabSelect={(_, data) => onSelect(String(data.value))}
      aria-label={t("tabsLabel")}
      data-compact={compact || undefined}
    >
      {tabs.map((x) => {
        const label = t(x.label);
        const icon = compact ? ICONS[x.id] : undefined;
        return (
          <Tab
            key={x.id}
            value={x.id}
            id={`liaison-tab-${x.id}`}
            aria-controls={`liaison-panel-${x.id}`}
            icon={icon}
            aria-label={icon ? label : undefined}
            title={icon ? label : undefined}
          >
            {icon ? undefined : label}
          </Tab>
        );
      })}
    </TabList>
  );
}
