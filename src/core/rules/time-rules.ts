import { z } from "zod";
import type { TypedValue } from "../table/read-table";
import { fillMessage, type PreparedMessage, type TableContext } from "./context";
import { choice, time } from "./columns-view";
import { CONSISTENCY } from "./consistency-rules";
import { specRule } from "./descriptor";
import type { MessageRef } from "./finding";

/**
 * Rules that count time (contract.md "Counting time"): `deadline` between two cells, the due-date
 * family (`due-soon`, `overdue`, `escalation`, `late`) and `stale-update`.
 */

const count = z.number().finite().nonnegative();

/**
 * The time allowed between two events (`from` → `to`).
 * - `workdays`: `to`'s date on or before `from`'s date + N working days.
 * - `workdaysBefore`: `to`'s date on or before `from`'s date − N working days (an invitation
 *   sent ahead of a meeting).
 * - `minutes` / `hours`: clock time between two date-times. When either column holds dates
 *   only, the comparison is made on dates with the limit rounded up to whole days.
 * - `response`: the customer-response limit — `settings.responseHours.inHours` when `from`
 *   falls inside working hours on a working day, else `offHours`.
 */
export const deadlineLimitSchema = z.union([
  z.strictObject({ workdays: count.int() }),
  z.strictObject({ workdaysBefore: count.int() }),
  z.strictObject({ minutes: count }),
  z.strictObject({ hours: count }),
  z.strictObject({ response: z.literal(true) }),
]);
export type DeadlineLimit = z.infer<typeof deadlineLimitSchema>;

export const deadlineSchema = z.strictObject({
  kind: z.literal("deadline"),
  /** The earlier event (会议时间, 来询时间, 发现时间 …). */
  from: z.string(),
  /** The later event; a finding lands on this column. */
  to: z.string(),
  limit: deadlineLimitSchema,
  /** Only rows where this column holds this value (canonical option), e.g. 验收结果 = 不合格. */
  when: z.strictObject({ column: z.string(), equals: z.string() }).readonly().optional(),
  /**
   * Also report a row whose `to` cell is empty once `now` is past the limit (the event is
   * already late although it has not happened). Without it an empty `to` is not checked.
   */
  missingIsLate: z.boolean().optional(),
});
export type DeadlineRule = z.infer<typeof deadlineSchema>;

/**
 * An item with a due date (contract.md "Counting time"): open items get `due-soon` / `overdue` /
 * `escalation` on the due column; done items completed after the due date get `late` on `done`.
 * An item is open when it has no completion date and its status (if any) is not in `doneValues`.
 */
export const dueSchema = z.strictObject({
  kind: z.literal("due"),
  due: z.string(),
  done: z.string().optional(),
  status: z.string().optional(),
  doneValues: z.array(z.string()).readonly().optional(),
});
export type DueRule = z.infer<typeof dueSchema>;

/**
 * `stale-update`: an unresolved row (`resolved` empty) whose `last` update is more than
 * `minutes` (default: `settings.updateIntervalMinutes`) before `now`. When `last` is empty the
 * clock runs from `since` (发现时间).
 */
export const staleUpdateSchema = z.strictObject({
  kind: z.literal("stale-update"),
  last: z.string(),
  resolved: z.string(),
  since: z.string().optional(),
  minutes: count.optional(),
});
export type StaleUpdateRule = z.infer<typeof staleUpdateSchema>;

export const deadlineRule = specRule({
  kind: "deadline",
  schema: deadlineSchema,
  reports: [{ id: "deadline", severity: "warning", rank: 9 }],
  columns: (spec) => ({
    from: time(spec.from),
    to: time(spec.to),
    when: spec.when === undefined ? undefined : choice(spec.when.column, [spec.when.equals]),
  }),
  check: (ctx, _cols, spec) => checkDeadline(ctx, spec),
});

export const dueRule = specRule({
  kind: "due",
  schema: dueSchema,
  reports: [
    { id: "escalation", severity: "error", rank: 6 },
    { id: "overdue", severity: "warning", rank: 10 },
    { id: "late", severity: "warning", rank: 11 },
    CONSISTENCY,
    { id: "due-soon", severity: "info", rank: 16 },
  ],
  columns: (spec) => ({ due: time(spec.due), done: time(spec.done), status: choice(spec.status, spec.doneValues) }),
  validate: (spec) => (spec.status !== undefined && !spec.doneValues?.length ? ["due: a status column needs doneValues"] : []),
  check: (ctx, _cols, spec) => checkDue(ctx, spec),
});

export const staleUpdateRule = specRule({
  kind: "stale-update",
  schema: staleUpdateSchema,
  reports: [{ id: "stale-update", severity: "warning", rank: 15 }],
  columns: (spec) => ({ last: time(spec.last), resolved: time(spec.resolved), since: time(spec.since) }),
  check: (ctx, _cols, spec) => checkStaleUpdate(ctx, spec),
});

/**
 * A limit between `from` and `to`. Working-day limits compare dates (the later event's date on
 * or before from's date ± N working days). Clock limits compare minutes; when either column
 * holds dates only, they compare dates with the limit rounded up to whole days (48 小时 after a
 * delivery date = within 2 days of it).
 */
function checkDeadline(ctx: TableContext, spec: DeadlineRule): void {
  const fj = ctx.col(spec.from);
  const tj = ctx.col(spec.to);
  const wj = spec.when ? ctx.col(spec.when.column) : undefined;
  if (!ctx.present[fj] || !ctx.present[tj] || (wj !== undefined && !ctx.present[wj])) return;
  const equals = spec.when?.equals;
  const { n, calendar, today, now } = ctx;
  const fromValues = ctx.numbers(fj);
  const toValues = ctx.numbers(tj);
  const whenValues = wj !== undefined ? ctx.others(wj) : undefined;
  const limit = spec.limit;
  const byDays = "workdays" in limit || "workdaysBefore" in limit || !ctx.isDateTime[fj] || !ctx.isDateTime[tj];
  const fromName = ctx.colRef(fj);
  const toName = ctx.colRef(tj);
  const { inHours, offHours } = ctx.settings.responseHours;

  // The rule's wording, once per variant (messages are only built for late rows).
  let ruleText: MessageRef | undefined;
  const ruleTextIn: MessageRef = { message: "deadline.rule.responseIn", params: { n: inHours } };
  const ruleTextOut: MessageRef = { message: "deadline.rule.responseOut", params: { n: offHours } };
  if ("workdays" in limit) ruleText = { message: "deadline.rule.workdays", params: { n: limit.workdays } };
  else if ("workdaysBefore" in limit) ruleText = { message: "deadline.rule.workdaysBefore", params: { n: limit.workdaysBefore } };
  else if ("hours" in limit) ruleText = { message: "deadline.rule.hours", params: { n: limit.hours } };
  else if ("minutes" in limit) ruleText = { message: "deadline.rule.minutes", params: { n: limit.minutes } };
  const fixedMinutes = "hours" in limit ? Math.round(limit.hours * 60) : "minutes" in limit ? limit.minutes : 0;
  const workdays = "workdays" in limit ? limit.workdays : "workdaysBefore" in limit ? -limit.workdaysBefore : undefined;
  // Working-day limits per from-date: dates recur down a column, and the first row with a date
  // is where a provisional year is noted.
  const limitOfDay = new Map<number, number>();

  for (let r = 0; r < n; r++) {
    const f = fromValues[r];
    if (f !== f) continue; // NaN: no date
    if (whenValues !== undefined && whenValues[r] !== equals) continue;
    const to = toValues[r];
    const hasTo = to === to;
    if (!hasTo && (!spec.missingIsLate || !ctx.isEmpty(r, tj))) continue;

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
    if (hasTo) late = byDays ? ctx.day(tj, to) > limitDay : to > limitMinute;
    else late = byDays ? today > limitDay : now > limitMinute;
    if (!late) continue;

    const rule = ruleText ?? (inside ? ruleTextIn : ruleTextOut);
    const params = { to: toName, from: fromName, rule, limit: byDays ? ctx.isoDay(limitDay) : ctx.isoMinute(limitMinute) };
    if (hasTo) ctx.emit(r, tj, "deadline", "deadline.late", { ...params, toValue: ctx.show(tj, to) });
    else ctx.emit(r, tj, "deadline", "deadline.missing", params);
  }
}

/**
 * Items with a due date. Open (no completion date, status not done): D = today − due →
 * −1/0 `due-soon`, 1 `overdue`, ≥2 `escalation`, on the due column. Done after the due date:
 * `late`, on the completion-date column. An unreadable completion date counts as given.
 */
function checkDue(ctx: TableContext, spec: DueRule): void {
  const dj = ctx.col(spec.due);
  if (!ctx.present[dj]) return;
  const cj = spec.done !== undefined ? ctx.col(spec.done) : -1;
  const sj = spec.status !== undefined ? ctx.col(spec.status) : -1;
  const hasDone = cj >= 0 && ctx.present[cj];
  const hasStatus = sj >= 0 && ctx.present[sj];
  const doneValues = new Set(spec.doneValues ?? []);
  const { n, today } = ctx;
  const dueValues = ctx.numbers(dj);
  const doneDates = hasDone ? ctx.numbers(cj) : undefined;
  const statuses = hasStatus ? ctx.others(sj) : undefined;
  const doneInvalid = hasDone ? ctx.invalid[cj] : undefined;
  const dueName = ctx.colRef(dj);
  const { late, open, days } = dueRows(
    dueValues,
    ctx.isDateTime[dj],
    doneDates,
    hasDone && ctx.isDateTime[cj],
    doneInvalid,
    statuses,
    doneValues,
    today,
    n,
  );

  if (hasDone) doneInFuture(ctx, cj, doneDates as Float64Array);

  if (late.length > 0) {
    const col = ctx.colRef(cj);
    const message = ctx.message("late", { col, dueCol: dueName }, ["done", "due", "days"]);
    const doneDays = doneDates as Float64Array;
    for (let i = 0; i < late.length; i++) {
      const r = late[i];
      const dueDay = ctx.day(dj, dueValues[r]);
      const doneDay = ctx.day(cj, doneDays[r]);
      const done = ctx.show(cj, doneDays[r]);
      const due = ctx.isoDay(dueDay);
      const days = doneDay - dueDay;
      const id = `${done}|${due}`; // days follows from the two dates
      const s =
        message.said.get(id) ?? ctx.share(message, id, { col, done, dueCol: dueName, due, days }, fillMessage(message, done, due, days));
      ctx.emitPrepared(r, cj, "late", message, s.params, s.text);
    }
  }
  // Wordings with the column name filled in, made on first use.
  let tomorrow: PreparedMessage | undefined;
  let dueToday: PreparedMessage | undefined;
  let overdue: PreparedMessage | undefined;
  let escalation: PreparedMessage | undefined;
  for (let i = 0; i < open.length; i++) {
    const r = open[i];
    const d = days[i];
    const dueText = ctx.isoDay(ctx.day(dj, dueValues[r]));
    // One params object and text per due date (the days follow from it): due dates recur.
    if (d === -1) {
      const m = (tomorrow ??= ctx.message("due-soon.tomorrow", { col: dueName }, ["due"]));
      const s = m.said.get(dueText) ?? ctx.share(m, dueText, { col: dueName, due: dueText }, fillMessage(m, dueText));
      ctx.emitPrepared(r, dj, "due-soon", m, s.params, s.text);
    } else if (d === 0) {
      const m = (dueToday ??= ctx.message("due-soon.today", { col: dueName }, ["due"]));
      const s = m.said.get(dueText) ?? ctx.share(m, dueText, { col: dueName, due: dueText }, fillMessage(m, dueText));
      ctx.emitPrepared(r, dj, "due-soon", m, s.params, s.text);
    } else if (d === 1) {
      const m = (overdue ??= ctx.message("overdue", { col: dueName }, ["due"]));
      const s = m.said.get(dueText) ?? ctx.share(m, dueText, { col: dueName, due: dueText }, fillMessage(m, dueText));
      ctx.emitPrepared(r, dj, "overdue", m, s.params, s.text);
    } else {
      const m = (escalation ??= ctx.message("escalation", { col: dueName }, ["due", "days"]));
      const s = m.said.get(dueText) ?? ctx.share(m, dueText, { col: dueName, due: dueText, days: d }, fillMessage(m, dueText, d));
      ctx.emitPrepared(r, dj, "escalation", m, s.params, s.text);
    }
  }
}

/**
 * The rows the due-date family reports: `late` (done after the due date) and `open` items due
 * tomorrow or earlier, with `days` = today − due for each. Row numbers stay in arrays of their
 * own: mixed with the days (read from a Float64Array) they would be stored as doubles. Dates are day numbers, or minutes
 * where the column holds date-times (`…Minutes`).
 */
function dueRows(
  dueValues: Float64Array,
  dueMinutes: boolean,
  doneDates: Float64Array | undefined,
  doneMinutes: boolean,
  doneInvalid: Uint8Array | undefined,
  statuses: readonly TypedValue[] | undefined,
  doneValues: ReadonlySet<string>,
  today: number,
  n: number,
): { late: number[]; open: number[]; days: number[] } {
  const late: number[] = [];
  const open: number[] = [];
  const days: number[] = [];
  for (let r = 0; r < n; r++) {
    const due = dueValues[r];
    if (due !== due) continue; // NaN: no due date
    const dueDay = dueMinutes ? Math.floor(due / 1440) : due;
    if (doneDates !== undefined) {
      const done = doneDates[r];
      if (done === done) {
        if ((doneMinutes ? Math.floor(done / 1440) : done) > dueDay) late.push(r);
        continue;
      }
      if (doneInvalid !== undefined && doneInvalid[r] === 1) continue;
    }
    if (statuses !== undefined) {
      const status = statuses[r];
      if (typeof status === "string" && doneValues.has(status)) continue;
    }
    const d = today - dueDay;
    if (d >= -1) {
      open.push(r);
      days.push(d);
    }
  }
  return { late, open, days };
}

/**
 * An unresolved row (`resolved` empty) whose last update is more than the interval before now;
 * never updated: counted from `since`. Without a `resolved` column nothing can be said.
 */
function checkStaleUpdate(ctx: TableContext, spec: StaleUpdateRule): void {
  const lj = ctx.col(spec.last);
  const rj = ctx.col(spec.resolved);
  const sj = spec.since !== undefined ? ctx.col(spec.since) : -1;
  if (!ctx.present[rj]) return;
  const hasLast = ctx.present[lj];
  const hasSince = sj >= 0 && ctx.present[sj];
  const minutes = spec.minutes ?? ctx.settings.updateIntervalMinutes;
  const { n, now } = ctx;
  const resolved = ctx.numbers(rj);
  const lasts = ctx.numbers(lj);
  const sinces = hasSince ? ctx.numbers(sj) : undefined;

  for (let r = 0; r < n; r++) {
    if (resolved[r] === resolved[r] || ctx.isInvalid(r, rj)) continue; // a resolution date, or an unreadable one
    const last = hasLast ? lasts[r] : NaN;
    if (last === last) {
      if (now - ctx.minute(lj, last) > minutes) {
        ctx.emit(r, lj, "stale-update", "stale-update", { col: ctx.colRef(lj), last: ctx.show(lj, last), minutes });
      }
      continue;
    }
    if (hasLast && ctx.isInvalid(r, lj)) continue;
    const since = sinces !== undefined ? sinces[r] : NaN;
    if (since === since && now - ctx.minute(sj, since) > minutes) {
      const params = { col: ctx.colRef(lj), sinceCol: ctx.colRef(sj), since: ctx.show(sj, since), minutes };
      ctx.emit(r, lj, "stale-update", "stale-update.never", params);
    }
  }
}

/**
 * A completion date after today cannot be true yet (issue 10): a `consistency` warning on the
 * done-date cell, "完成日期晚于今天".
 */
function doneInFuture(ctx: TableContext, cj: number, doneDates: Float64Array): void {
  const col = ctx.colRef(cj);
  let message: PreparedMessage | undefined;
  for (let r = 0; r < ctx.n; r++) {
    const v = doneDates[r];
    if (v !== v) continue;
    if (ctx.day(cj, v) > ctx.today) {
      message ??= ctx.message("consistency.done-in-future", { col }, ["value"]);
      const value = ctx.show(cj, v);
      const s = message.said.get(value) ?? ctx.share(message, value, { col, value }, fillMessage(message, value));
      ctx.emitPrepared(r, cj, "consistency", message, s.params, s.text);
    }
  }
}
