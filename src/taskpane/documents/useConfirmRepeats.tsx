import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useRef, useState, type ReactElement } from "react";
import type { Repeat } from "../../core/documents";
import type { ConfirmRepeats } from "./run";
import { useDocumentsText } from "./useDocumentsText";

const useStyles = makeStyles({ list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL } });

/**
 * "These were sent before — make them anyway?": a question shown in the pane while a generation
 * waits for the answer (a second notice for the same supplier and period). Returns the function
 * the run calls and the element that asks.
 */
export function useConfirmRepeats(): [ConfirmRepeats, ReactElement | null] {
  const d = useDocumentsText();
  const styles = useStyles();
  const [asking, setAsking] = useState<readonly Repeat[] | undefined>(undefined);
  const answer = useRef<((go: boolean) => void) | undefined>(undefined);
  const confirm = useCallback<ConfirmRepeats>(
    (repeats) =>
      new Promise<boolean>((resolve) => {
        answer.current = resolve;
        setAsking(repeats);
      }),
    [],
  );
  const reply = (go: boolean): void => {
    answer.current?.(go);
    answer.current = undefined;
    setAsking(undefined);
  };
  const element =
    asking === undefined ? null : (
      <MessageBar intent="warning" layout="multiline" data-testid="confirm-repeats">
        <MessageBarBody>
          <MessageBarTitle>{d("repeatTitle")}</MessageBarTitle>
          <ul className={styles.list}>
            {asking.map((r) => (
              <li key={r.row}>{r.message}</li>
            ))}
          </ul>
          {d("repeatAsk")}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" appearance="primary" onClick={() => reply(true)}>
            {d("repeatGo")}
          </Button>
          <Button size="small" onClick={() => reply(false)}>
            {d("repeatCancel")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  return [confirm, element];
}
