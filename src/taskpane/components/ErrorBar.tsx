import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { isLiaisonError } from "../../core/errors";
import { usePane } from "../context";

const useStyles = makeStyles({
  detail: { display: "block", marginTop: tokens.spacingVerticalXS, fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-word" },
});

/**
 * Shows a failed action. A LiaisonError is bad input and says what to do (`describe(lang)`);
 * anything else is a bug and is shown as "unexpected error" with its message, never hidden.
 */
export function ErrorBar({ error }: { error: unknown }) {
  const { lang, t } = usePane();
  const styles = useStyles();
  if (isLiaisonError(error)) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
          {error.describe(lang)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("unexpectedError")}</MessageBarTitle>
        {t("unexpectedErrorHint")}
        <code className={styles.detail}>{message}</code>
      </MessageBarBody>
    </MessageBar>
  );
}
