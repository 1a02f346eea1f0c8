import { makeStyles } from "@fluentui/react-components";
// Part of Fluent UI v9 (a dependency of @fluentui/react-components), not re-exported by it.
import { useTabsterAttributes } from "@fluentui/react-tabster";
import { type KeyboardEvent, useLayoutEffect, useRef } from "react";
import type { GridCell } from "./selection";

/**
 * The preview grid's in-cell editor, as in Excel: F2 or a double click edits the cell's text,
 * typing a character on a selected cell starts over with that character; Enter commits and moves
 * down (Shift+Enter up), Tab commits and moves right (Shift+Tab left), Esc cancels, leaving the
 * cell (a click elsewhere) commits. What was typed goes to the workbook as typed text
 * (XlsxWorkbook.setCellValue: a plain number becomes a number, everything else — `=1+1` too —
 * stays text).
 *
 * Typing Chinese straight onto a selected cell needs an input method, which only an editor that
 * already has the focus receives: press F2 (or double-click) first, then type.
 */

export interface EditState {
  readonly cell: GridCell;
  /** Text the editor starts with. */
  readonly text: string;
}

/** Where the selection goes after a commit. */
export type CommitMove = "down" | "up" | "right" | "left" | "none";

const useStyles = makeStyles({
  input: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: "60px",
    height: "100%",
    margin: 0,
    padding: "0 2px",
    border: "none",
    outline: "2px solid #217346",
    font: "inherit",
    color: "#000000",
    backgroundColor: "#ffffff",
  },
});

export function CellEditor({
  initial,
  label,
  onCommit,
  onCancel,
}: {
  initial: string;
  label: string;
  onCommit: (text: string, move: CommitMove) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  // Committed or cancelled already: the blur that follows unmounting must not commit again.
  const done = useRef(false);
  // Fluent's focus manager (Tabster) moves the focus on Tab before the input hears the key; here
  // Tab belongs to the editor (commit, move right).
  const ownTab = useTabsterAttributes({ focusable: { ignoreKeydown: { Tab: true } } });
  // Before the next keystroke arrives: typing "35" on a cell opens the editor with "3", and the
  // "5" must land in it.
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const finish = (move: CommitMove | "cancel") => {
    if (done.current) return;
    done.current = true;
    if (move === "cancel") onCancel();
    else onCommit(input.current?.value ?? "", move);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // The grid's own keys (arrows, Enter, Tab) must not act while editing.
    e.stopPropagation();
    if (e.nativeEvent.isComposing) return; // Enter that ends an IME composition is not a commit
    if (e.key === "Enter") {
      e.preventDefault();
      finish(e.shiftKey ? "up" : "down");
    } else if (e.key === "Tab") {
      e.preventDefault();
      finish(e.shiftKey ? "left" : "right");
    } else if (e.key === "Escape") {
      e.preventDefault();
      finish("cancel");
    }
  };
  return (
    <input
      ref={input}
      className={styles.input}
      defaultValue={initial}
      aria-label={label}
      data-testid="cell-editor"
      {...ownTab}
      onKeyDown={onKeyDown}
      onMouseDown={(e) => e.stopPropagation()}
      onBlur={() => finish("none")}
    />
  );
}

/** Key of a keydown that starts editing by typing: one printable character, no Ctrl/Cmd/Alt. */
export function startsTyping(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}
