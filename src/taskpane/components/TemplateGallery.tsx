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
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback } from "react";
import type { TemplateDef } from "../../core/templates/types";
import type { InsertResult } from "../../workbook/port";
import { usePane } from "../context";
import { templateName, templatePurpose } from "../templates-view";
import { type AsyncAction, useAsyncAction } from "../useAsyncAction";
import { useTemplates } from "../useTemplates";
import { ErrorBar } from "./ErrorBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, listStyleType: "none", margin: 0, padding: 0 },
  meta: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  footer: { flexWrap: "wrap" },
});

type InsertArgs = readonly [templateId: string, examples: boolean];

/** One card per template of the manual: what it is for, where the manual has it, two insert buttons. */
export function TemplateGallery() {
  const { port, t, workbookChanged } = usePane();
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

  if (catalogue.status === "loading") return <Spinner label={t("loading")} />;
  if (catalogue.status === "failed") return <ErrorBar error={catalogue.error} />;
  if (catalogue.templates.length === 0) return <Body1>{t("noTemplates")}</Body1>;
  return (
    <section className={styles.root} aria-label={t("galleryLabel")}>
      <Body1>{t("galleryIntro")}</Body1>
      <ul className={styles.list}>
        {catalogue.templates.map((def) => (
          <li key={def.id}>
            <TemplateCard def={def} action={action} />
          </li>
        ))}
      </ul>
    </section>
  );
}

interface CardProps {
  def: TemplateDef;
  action: AsyncAction<InsertArgs, InsertResult>;
}

function TemplateCard({ def, action }: CardProps) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const name = templateName(def, lang);
  const required = def.columns.filter((c) => c.required).length;
  const mine = action.args?.[0] === def.id;
  const spinning = (examples: boolean) => action.busy && mine && action.args?.[1] === examples;
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
        <Caption1>{t("templateSource", { source: def.source })}</Caption1>
        <Badge appearance="tint" color="informative">
          {t("templateColumns", { n: def.columns.length })}
        </Badge>
        {required > 0 && (
          <Badge appearance="tint" color="subtle">
            {t("templateRequired", { n: required })}
          </Badge>
        )}
      </div>
      <CardFooter className={styles.footer}>
        <Button
          appearance="primary"
          disabled={action.busy}
          aria-label={t("insertExamplesLabel", { name })}
          icon={spinning(true) ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => void action.run(def.id, true)}
        >
          {t("insertExamples")}
        </Button>
        <Button
          disabled={action.busy}
          aria-label={t("insertEmptyLabel", { name })}
          icon={spinning(false) ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => void action.run(def.id, false)}
        >
          {t("insertEmpty")}
        </Button>
      </CardFooter>
      {mine && !action.busy && action.result && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            {action.result.rows > 0 ? t("insertDone", { ...action.result }) : t("insertDoneEmpty", { ...action.result })}
          </MessageBarBody>
        </MessageBar>
      )}
      {mine && !action.busy && action.error !== undefined && <ErrorBar error={action.error} />}
    </Card>
  );
}
