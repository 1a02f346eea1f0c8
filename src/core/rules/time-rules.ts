import type { TableContext } from "./context";
import type { DeadlineRule, DueRule, StaleUpdateRule } from "./spec";

/**
 * Rules that count time (contract.md "Counting time"): `deadline` between two cells, the due-date
 * family (`due-soon`, `overdue`, `escalation`, `late`) and `stale-update`.
 */

/**
 * A limit between `from` and `to`. Working-day limits compare dates (the later event's date on
 * or before from's date ± N working days). Clock limits compare minutes; when either column
 * holds dates only, they compare dates with the limit rounded up to whole days (48 小时 after a
 * delivery date = within 2 days of it).
 */
export function deadlineRule(ctx: TableContext, spec: DeadlineRule): void {
  const fj = ctx.col(spec.from);
  const tj = ctx.col(spec.to);
  const wj = spec.when ? ctx.col(spec.when.column) : undefined;
  if (!ctx.present[fj] || !ctx.present[tj] || (wj !== undefined && !ctx.present[wj])) return;
  const equals = spec.when?.equals;
  const { values, n, calendar, t, today, now } = ctx;
  const limit = spec.limit;
  const byDays = "workdays" in limit || "workdaysBefore" in limit || !ctx.isDateTime[fj] || !ctx.isDateTime[tj];
  const fromName = ctx.colName(fj);
  const toName = ctx.colName(tj);
  const { inHours, offHours } = ctx.settings.responseHours;

  // The rule's wording, once per variant (messages are only built for late rows).
  let ruleText: string | undefined;
  const ruleTextIn = "response" in limit ? t("deadline.rule.responseIn", { n: inHours }) : "";
  const ruleTextOut = "response" in limit ? t("deadline.rule.responseOut", { n: offHours }) : "";
  if ("workdays" in limit) ruleText = t("deadline.rule.workdays", { n: limit.workdays });
  else if ("workdaysBefore" in limit) ruleText = t("deadline.rule.workdaysBefore", { n: limit.workdaysBefore });
  else if ("hours" in limit) ruleText = t("deadline.rule.hours", { n: limit.hours });
  else if ("minutes" in limit) ruleText = t("deadline.rule.minutes", { n: limit.minutes });
  const fixedMinutes = "hours" in limit ? Math.round(limit.hours * 60) : "minutes" in limit ? limit.minutes : 0;
  const workdays = "workdays" in limit ? limit.workdays : "workdaysBefore" in limit ? -limit.workdaysBefore : undefined;
  // Working-day limits per from-date: dates recur down a column, and the first row with a date
  // is where a provisional year is noted.
  const limitOfDay = new Map<number, number>();

  for (let r = 0; r < n; r++) {
    const row = values[r];
    const f = row[fj];
    if (typeof f !== "number") continue;
    if (wj !== undefined && row[wj] !== equals) continue;
    const to = row[tj];
    if (typeof to !== "number" && (!spec.missingIsLate || !ctx.isEmpty(r, tj))) continue;

    let limitDay = 0;
    let limitMinute = 0;
    let inside = false;
    const fromDay = ctx.day(fj, f);
    if (workdays !== undefined) {
      const known = limitOfDay.get(fromDay);
      if (known !== undefined) limitDay = known;
      else {
        limitDay = calendar.addWorkdays(fromDay, workdays);
        limitOfDay.set(fromDay, limitDay);
        ctx.noteYears(r, fj, fromDay, limitDay);
      }
    } else {
      let minutes = fixedMinutes;
      if ("response" in limit) {
        inside = calendar.isWorkingTime(ctx.minute(fj, f), ctx.hours);
        if (!limitOfDay.has(fromDay)) {
          limitOfDay.set(fromDay, fromDay);
          ctx.noteYears(r, fj, fromDay, fromDay);
        }
        minutes = Math.round((inside ? inHours : offHours) * 60);
      }
      if (byDays) limitDay = fromDay + Math.ceil(minutes / 1440);
      else limitMinute = f + minutes;
    }

    let late: boolean;
    if (typeof to === "number") late = byDays ? ctx.day(tj, to) > limitDay : to > limitMinute;
    else late = byDays ? today > limitDay : now > limitMinute;
    if (!late) continue;

    const rule = ruleText ?? (inside ? ruleTextIn : ruleTextOut);
    const params = { to: toName, from: fromName, rule, limit: byDays ? ctx.isoDay(limitDay) : ctx.isoMinute(limitMinute) };
    if (typeof to === "number") ctx.emit(r, tj, "deadline", t("deadline.late", { ...params, toValue: ctx.show(tj, to) }));
    else ctx.emit(r, tj, "deadline", t("deadline.missing", params));
  }
}

/**
 * Items with a due date. Open (no completion date, status not done): D = today − due →
 * −1/0 `due-soon`, 1 `overdue`, ≥2 `escalation`, on the due column. Done after the due date:
 * `late`, on the completion-date column. An unreadable completion date counts as given.
 */
export function dueRule(ctx: TableContext, spec: DueRule): void {
  const dj = ctx.col(spec.due);
  if (!ctx.present[dj]) return;
  const cj = spec.done !== undefined ? ctx.col(spec.done) : -1;
  const sj = spec.status !== undefined ? ctx.col(spec.status) : -1;
  const hasDone = cj >= 0 && ctx.present[cj];
  const hasStatus = sj >= 0 && ctx.present[sj];
  const doneValues = new Set(spec.doneValues ?? []);
  const { values, n, t, today } = ctx;
  const dueName = ctx.colName(dj);

  for (let r = 0; r < n; r++) {
    const row = values[r];
    const due = row[dj];
    if (typeof due !== "number") continue;
    const dueDay = ctx.day(dj, due);
    if (hasDone) {
      const done = row[cj];
      if (typeof done === "number") {
        const doneDay = ctx.day(cj, done);
        if (doneDay > dueDay) {
          ctx.emit(
            r,
            cj,
            "late",
            t("late", { col: ctx.colName(cj), done: ctx.show(cj, done), dueCol: dueName, due: ctx.isoDay(dueDay), days: doneDay - dueDay }),
          );
        }
        continue;
      }
      if (ctx.isInvalid(r, cj)) continue;
    }
    if (hasStatus) {
      const status = row[sj];
      if (typeof status === "string" && doneValues.has(status)) continue;
    }
    const d = today - dueDay;
    if (d < -1) continue;
    const dueText = ctx.isoDay(dueDay);
    if (d === -1) ctx.emit(r, dj, "due-soon", t("due-soon.tomorrow", { col: dueName, due: dueText }));
    else if (d === 0) ctx.emit(r, dj, "due-soon", t("due-soon.today", { col: dueName, due: dueText }));
    else if (d === 1) ctx.emit(r, dj, "overdue", t("overdue", { col: dueName, due: dueText }));
    else ctx.emit(r, dj, "escalation", t("escalation", { col: dueName, due: dueText, days: d }));
  }
}

/**
 * An unresolved row (`resolved` empty) whose last update is more than the interval before now;
 * never updated: counted from `since`. Without a `resolved` column nothing can be said.
 */
export function staleUpdateRule(ctx: TableContext, spec: StaleUpdateRule): void {
  const lj = ctx.col(spec.last);
  const rj = ctx.col(spec.resolved);
  const sj = spec.since !== undefined ? ctx.col(spec.since) : -1;
  if (!ctx.present[rj]) return;
  const hasLast = ctx.present[lj];
  const hasSince = sj >= 0 && ctx.present[sj];
  const minutes = spec.minutes ?? ctx.settings.updateIntervalMinutes;
  const { values, n, t, now } = ctx;

  for (let r = 0; r < n; r++) {
    const row = values[r];
    if (row[rj] !== null || ctx.isInvalid(r, rj)) continue;
    const last = hasLast ? row[lj] : null;
    if (typeof last === "number") {
      if (now - ctx.minute(lj, last) > minutes) {
        ctx.emit(r, lj, "stale-update", t("stale-update", { col: ctx.colName(lj), last: ctx.show(lj, last), minutes }));
      }
      continue;
    }
    if (hasLast && ctx.isInvalid(r, lj)) continue;
    const since = hasSince ? row[sj] : null;
    if (typeof since === "number" && now - ctx.minute(sj, since) > minutes) {
      ctx.emit(
        r,
        lj,
        "stale-update",
        t("stale-update.never", { col: ctx.colName(lj), sinceCol: ctx.colName(sj), since: ctx.show(sj, since), minutes }),
      );
    }
  }
}
