/**
 * Whether an Excel number format shows a date or time: both adapters use it to tell an Excel date
 * (a serial number under a date format) from a plain number. Quoted literals, escaped characters,
 * colour/condition brackets and the elapsed-time brackets are ignored before looking for
 * date/time tokens (y, m with d or y, d, h, s, 上午/下午, AM/PM). `[$-x-sysdate]` and
 * `[$-F800]` style locale codes are system long dates.
 */
const cache = new Map<string, boolean>();

export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  const hit = cache.get(format);
  if (hit !== undefined) return hit;
  const result = detect(format);
  if (cache.size < 1000) cache.set(format, result);
  return result;
}

function detect(format: string): boolean {
  if (/\[\$-(F800|F400|x-sysdate|x-systime)\]/i.test(format)) return true;
  // Only the first section (positive numbers) matters for how a value is shown.
  const section = format
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "h") // elapsed time still is time
    .replace(/\[[^\]]*\]/g, "");
  if (/上午|下午|AM\/PM|A\/P/i.test(section)) return true;
  return /[yYdDhHsS]|[eE](?![+-])|年|月|日|时|分|秒/.test(section) && !/^[#0.,%\s]*[eE][+-]/.test(section);
}
