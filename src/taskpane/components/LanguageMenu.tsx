import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type Lang, UI_LANGS } from "../../core/i18n";
import { usePane } from "../context";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", flexShrink: 0, gap: tokens.spacingHorizontalXXS },
  divider: { color: tokens.colorNeutralForeground4 },
  button: {
    minWidth: "auto",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  current: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
});

/**
 * The header's language choice, "中文 / English": two small toggle buttons, the current one pressed.
 * Each language is named in itself, so a person who landed in the wrong one still finds theirs.
 * Plain buttons with aria-pressed rather than a popup menu or ToggleButton: with two languages one
 * click is enough, and a Menu would cost 28 kB (a ToggleButton 2.5 kB) of the initial script's
 * 169 kB budget.
 */
export function LanguageMenu({ onChange }: { onChange: (lang: Lang) => void }) {
  const { lang, t } = usePane();
  const styles = useStyles();
  return (
    <div role="group" aria-label={t("languageMenuTitle")} className={styles.root} data-testid="language-menu">
      {UI_LANGS.map((l, i) => (
        <span key={l} className={styles.root}>
          {i > 0 && (
            <span className={styles.divider} aria-hidden="true">
              /
            </span>
          )}
          <Button
            className={mergeClasses(styles.button, l === lang && styles.current)}
            size="small"
            appearance="subtle"
            aria-pressed={l === lang}
            // The button's own language, so a screen reader pronounces it right.
            lang={l}
            data-lang={l}
            onClick={() => {
              if (l !== lang) onChange(l);
            }}
          >
            {t(`lang.${l}`)}
          </Button>
        </span>
      ))}
    </div>
  );
}
