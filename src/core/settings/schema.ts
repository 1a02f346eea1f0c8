import { z } from "zod";
import { parseIsoDate, parseIsoDateTime } from "../cells/civil";
import { parseClock } from "../calendar/calendar";

/**
 * Workbook settings: every value manual.md calls a "default" (§2, §4), stored in the workbook so
 * that a check gives the same result wherever the file is opened. This schema is the single
 * source: the TypeScript type, the defaults and the validation all come from it.
 */

const clock = z.string().refine((s) => parseClock(s) !== undefined, { message: "HH:MM" });
export const isoDaySchema = z.string().refine((s) => parseIsoDate(s) !== undefined, { message: "YYYY-MM-DD" });
const isoMinute = z.string().refine((s) => parseIsoDateTime(s) !== undefined, { message: "YYYY-MM-DD HH:mm" });

export const DEFAULT_WORKING_HOURS_TEXT = { start: "09:00", end: "18:00" } as const;
export const DEFAULT_RESPONSE_HOURS = { inHours: 2, offHours: 4 } as const;

export const workingHoursSchema = z
  .object({ start: clock, end: clock })
  .refine((h) => (parseClock(h.start) ?? 0) < (parseClock(h.end) ?? 0), { message: "start < end" });

export const responseHoursSchema = z.object({
  /** 来询 inside working hours: hours allowed until 首次响应. */
  inHours: z.number().positive().max(720),
  /** 来询 outside working hours. */
  offHours: z.number().positive().max(720),
});

export const settingsSchema = z.object({
  /** 合格线: a 总分 below it calls for a 整改通知书 (001 三(三) 步骤5). */
  threshold: z.number().min(0).max(100).default(80),
  /** Consecutive below-threshold periods that trigger `consecutive` (建议移出供应商名录). */
  consecutivePeriods: z.number().int().min(2).max(12).default(2),
  /** Quotes needed per 采购需求 (001 三(三) 步骤1: 至少3家). */
  minQuotes: z.number().int().min(1).max(20).default(3),
  /** Working hours on working days (customer response limit, §4). */
  workingHours: workingHoursSchema.default({ ...DEFAULT_WORKING_HOURS_TEXT }),
  /** Customer response limit in hours, inside / outside working hours. */
  responseHours: responseHoursSchema.default({ ...DEFAULT_RESPONSE_HOURS }),
  /** 整改期限 of a 整改通知书, in working days (§4). */
  rectificationWorkdays: z.number().int().min(1).max(365).default(15),
  /** 会议纪要: participants confirm within this many working days of the sending day (§3). */
  confirmWorkdays: z.number().int().min(1).max(30).default(2),
  /** An unresolved incident must be updated at least this often (000 "每小时更新一次"). */
  updateIntervalMinutes: z.number().int().min(1).max(1440).default(60),
  /** The user's own rest days, `YYYY-MM-DD`; they override the holiday data. */
  holidays: z.array(isoDaySchema).default([]),
  /** The user's own working days (调休), `YYYY-MM-DD`; they override the holiday data. */
  workdays: z.array(isoDaySchema).default([]),
  /** 签发部门 of a 整改通知书; the issuing department in the 落款 of every document. */
  issuingDepartment: z.string().max(100).default("采购部"),
  /**
   * Letterhead (信头/落款): the company's name, heading every document and signing it; with the
   * contact person and phone printed under the 落款. Empty by default: the documents then leave a
   * blank to fill in by hand instead of a label with nothing after it.
   */
  companyName: z.string().max(100).default(""),
  contactName: z.string().max(50).default(""),
  contactPhone: z.string().max(50).default(""),
  /** 审核人 printed on a 会议纪要; empty leaves the line blank. */
  reviewer: z.string().max(100).default(""),
  /** Prefix of 整改通知书 numbers (ZG-2024Q2-001). */
  noticePrefix: z
    .string()
    .regex(/^[A-Za-z0-9]{1,10}$/)
    .default("ZG"),
  /** A fixed "today" (`YYYY-MM-DD`) so that a check is reproducible; absent = the Shanghai date. */
  today: isoDaySchema.optional(),
  /** A fixed "now" (`YYYY-MM-DD HH:mm`); absent = the Shanghai clock. */
  now: isoMinute.optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The defaults of manual.md §4, frozen: copy before changing (`{ ...DEFAULT_SETTINGS, threshold: 85 }`). */
export const DEFAULT_SETTINGS: Settings = deepFreeze(settingsSchema.parse({}));
