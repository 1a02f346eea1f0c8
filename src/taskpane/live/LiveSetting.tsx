import { Caption1, MessageBar, MessageBarBody, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { isLiveMode } from "../../core/live";
import { usePane } from "../context";
import { useLiveT } from "./LiveStatus";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    margin: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
});

/**
 * 实时校验: off / the tables Liaison made (default) / every table. A preference of the person
 * (preference.ts: stored on this computer, not in the workbook), applied at once — it is not part
 * of the workbook settings that 保存 writes.
 */
export function LiveSetting() {
  const { live } = usePane();
  const t = useLiveT();
  const styles = useStyles();
  const hint = useId();
  return (
    <fieldset className={styles.group} data-testid="live-setting">
      <legend className={styles.legend}>
        <Subtitle2>{t("liveLabel")}</Subtitle2>
      </legend>
      <RadioGroup
        value={live.mode}
        aria-describedby={hint}
        onChange={(_, d) => {
          if (isLiveMode(d.value)) live.setMode(d.value);
        }}
      >
        <Radio value="off" label={t("liveOff")} />
        <Radio value="liaison" label={t("liveLiaison")} />
        <Radio value="all" label={t("liveAll")} />
      </RadioGroup>
      <Caption1 id={hint}>{t("liveHint")}</Caption1>
      {live.preferenceProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(live.preferenceProblem === "unreadable" ? "livePrefUnreadable" : "livePrefUnsaved")}</MessageBarBody>
        </MessageBar>
      )}
    </fieldset>
  );
}
