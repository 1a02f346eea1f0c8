import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardFooter,
  CardHeader,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { translator } from "../../core/i18n";
import { galleryMessages } from "../../core/i18n/messages/gallery";
import { plainSource } from "../../core/templates/sources";
import type { TemplateDef } from "../../core/templates/types";
import type { InsertResult } from "../../app/port";
import { usePane } from "../context";
import { type InsertAllResult, insertTemplates } from "../../app/insert-templates";
import { matchesTemplate, templateName, templatePurpose } from "../templates-view";
import { type AsyncAction, useAsyncAction } from "../useAsyncAction";
import { useTemplates } from "../useTemplates";
import { ErrorBar } from "./ErrorBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  tools: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  search: { maxWidth: "100%" },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, listStyleType: "none", margin: 0, padding: 0 },
  meta: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  footer: { flexWrap: "wrap" },
});

type InsertArgs = readonly [templateId: string, examples: boolean];

/** Keeps a message that just appeared in view: the pane is short and the message is what matters now. */
function useScrollIntoView<T extends HTMLElement>(when: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [when]);
  return ref;
}

/**
 * Tab 模板: one card per template of the manual (what it is for, where the manual has it, two
 * insert buttons), a search over them, and "insert all" (the CLI's `template all`).
 */
export function TemplateGallery() {
  const { port, t: tp, lang, workbookChanged } = usePane();
  const t = useMemo(() => translator(galleryMessages, lang), [lang]);
  const styles = useStyles();
  const insert = useCallback(
    async (templateId: string, examples: boolean): Promise<InsertResult> => {
      const result = await port.insertTemplate(templateId, { examples });
      workbookChanged({ sheet: result.sheet });
      return result;
    },
    [port, workbookChanged],
  );
  const action = useAsyncAction<InsertArgs, InsertResult>(insert);
  const catalogue = useTemplates();
  const [query, setQuery] = useState("");
  const [progress, setProgress] = useState(0);
  const all = useAsyncAction<[readonly TemplateDef[], boolean], InsertAllResult>(async (templates, examples) => {
    const result = await insertTemplates(
      port,
      templates.map((tpl) => tpl.id),
      examples,
      (done) => setProgress(done),
    );
    if (result.error !== undefined) console.error(result.error); // shown by the pane too; the console keeps its stack
    const first = result.inserted[0];
    if (first) workbookChanged({ sheet: first.sheet });
    return result;
  });
  const allStatus = useScrollIntoView<HTMLDivElement>(all.result);

  if (catalogue.status === "loading") return <Spinner label={tp("loading")} />;
  if (catalogue.status === "failed") return <ErrorBar error={catalogue.error} />;
  if (catalogue.templates.length === 0) return <Body1>{tp("noTemplates")}</Body1>;
  const templates = catalogue.templates;
  const shown = templates.filter((def) => matchesTemplate(def, query, lang, plainSource(def.id, def.source, lang)));
  const busy = action.busy || all.busy;
  const done = all.result;
  return (
    <section className={styles.root} aria-label={tp("galleryLabel")}>
      <Body1>{tp("galleryIntro")}</Body1>
      <div className={styles.tools}>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={busy}
            icon={all.busy && all.args?.[1] === true ? <Spinner size="extra-tiny" /> : undefined}
            onClick={() => void all.run(templates, true)}
          >
            {all.busy && all.args?.[1] === true
              ? t("insertAllProgress", { done: progress, total: templates.length })
              : t("insertAllExamples")}
          </Button>
          <Button
            disabled={busy}
            icon={all.busy && all.args?.[1] === false ? <Spinner size="extra-tiny" /> : undefined}
            onClick={() => void all.run(templates, false)}
          >
            {all.busy && all.args?.[1] === false
              ? t("insertAllProgress", { done: progress, total: templates.length })
              : t("insertAllEmpty")}
          </Button>
        </div>
        <div ref={allStatus}>
          {done && !all.busy && done.inserted.length > 0 && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody role="status" data-testid="insert-all-done">
                {t(done.error === undefined ? "insertAllDone" : "insertAllPartial", {
                  n: done.inserted.length,
                  sheets: done.inserted.map((r) => t("sheetQuoted", { sheet: r.sheet })).join(t("sheetSeparator")),
                })}
              </MessageBarBody>
            </MessageBar>
          )}
          {done?.error !== undefined && !all.busy && <ErrorBar error={done.error} />}
          {all.error !== undefined && !all.busy && <ErrorBar error={all.error} />}
        </div>
        <SearchBox
          className={styles.search}
          size="small"
          aria-label={t("searchLabel")}
          placeholder={t("searchPlaceholder")}
          value={query}
          onChange={(_, d) => setQuery(d.value)}
        />
        {query.trim() !== "" && (
          <Caption1 role="status">
            {shown.length === 0
              ? t("searchNone", { text: query.trim() })
              : t("searchCount", { shown: shown.length, total: templates.length })}
          </Caption1>
        )}
      </div>
      <ul className={styles.list}>
        {shown.map((def) => (
          <li key={def.id}>
            <TemplateCard
              def={def}
              action={action}
              disabled={busy}
              sourceLine={t("sourceLine", { source: plainSource(def.id, def.source, lang) })}
              t={t}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

interface CardProps {
  readonly def: TemplateDef;
  readonly action: AsyncAction<InsertArgs, InsertResult>;
  readonly disabled: boolean;
  readonly sourceLine: string;
  readonly t: ReturnType<typeof translator>;
}

function TemplateCard({ def, action, disabled, sourceLine, t }: CardProps) {
  const { t: tp, lang } = usePane();
  const styles = useStyles();
  const name = templateName(def, lang);
  const required = def.columns.filter((c) => c.required).length;
  const mine = action.args?.[0] === def.id;
  const spinning = (examples: boolean) => action.busy && mine && action.args?.[1] === examples;
  const result = mine && !action.busy ? action.result : undefined;
  const status = useScrollIntoView<HTMLDivElement>(result);
  return (
    <Card size="small" data-template={def.id}>
      <CardHeader
        header={
          <Text as="h3" weight="semibold" size={400} style={{ margin: 0 }}>
            {name}
          </Text>
        }
        description={<Caption1>{templatePurpose(def, lang)}</Caption1>}
      />
      <div className={styles.meta}>
        {/* The exact section reference stays available as the tooltip, for those who look it up. */}
        <Caption1 title={def.source}>{sourceLine}</Caption1>
        <Badge appearance="tint" color="informative">
          {tp("templateColumns", { n: def.columns.length })}
        </Badge>
        {required > 0 && (
          <Badge appearance="tint" color="subtle">
            {tp("templateRequired", { n: required })}
          </Badge>
        )}
      </div>
      <CardFooter className={styles.footer}>
        <Button
          appearance="primary"
          disabled={disabled}
          aria-label={tp("insertExamplesLabel", { name })}
          icon={spinning(true) ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => void action.run(def.id, true)}
        >
          {tp("insertExamples")}
        </Button>
        <Button
          disabled={disabled}
          aria-label={tp("insertEmptyLabel", { name })}
          icon={spinning(false) ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => void action.run(def.id, false)}
        >
          {tp("insertEmpty")}
        </Button>
      </CardFooter>
      <div ref={status}>
        {result && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody role="status">
              {result.rows > 0 ? t("insertedExamples", { ...result }) : t("insertedEmpty", { ...result })}
            </MessageBarBody>
          </MessageBar>
        )}
        {mine && !action.busy && action.error !== undefined && <ErrorBar error={action.error} />}
      </div>
    </Card>
  );
}
