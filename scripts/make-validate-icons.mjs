// Draws the 校验 (check) button's icon — a white sheet with a green tick on the Liaison tile — and
// writes assets/validate-{16,32,80}.png, the sizes the manifest's button declares. Same method as
// make-icons.mjs (supersampled shapes, PNG encoded with zlib, no native package).
// Run: node scripts/make-validate-icons.mjs
import { inRoundRect, tileColour, writeIcons } from "./icon-kit.mjs";

const SIZES = [16, 32, 80];
const TICK = [0x10, 0x7c, 0x41];
const LINES = [0xc8, 0xd6, 0xcf];

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

// The tick: two strokes with round ends, over the lower right of the sheet.
const tick = [
  [0.42, 0.6],
  [0.53, 0.71],
  [0.75, 0.44],
];
const inTick = (x, y) => segmentDistance(x, y, tick[0], tick[1]) < 0.065 || segmentDistance(x, y, tick[1], tick[2]) < 0.065;
// Text lines of the sheet, above the tick.
const inLines = (x, y) => [0.3, 0.41].some((ly) => Math.abs(y - ly) < 0.025 && x > 0.33 && x < 0.67);

function paint(x, y) {
  const tile = tileColour(x, y);
  if (!tile) return null;
  if (inRoundRect(x, y, 0.22, 0.16, 0.78, 0.84, 0.07)) {
    if (inTick(x, y)) return [...TICK, 255];
    if (inLines(x, y)) return [...LINES, 255];
    return [255, 255, 255, 255];
  }
  return [...tile, 255];
}

writeIcons("validate", SIZES, paint);
