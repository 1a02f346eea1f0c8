// Draws the icons of the three document buttons of the 沟通协作 tab — 生成会议纪要 (a sheet with a
// bulleted list), 生成整改通知书 (a sheet with a red seal) and 生成催办通知 (a sheet with an orange
// clock) — on the Liaison tile, and writes assets/{minutes,notice,reminder}-{16,32,80}.png, the
// sizes the manifest's buttons declare. Same kit as the other icon scripts.
// Run: node scripts/make-document-icons.mjs
import { inRoundRect, tileColour, writeIcons } from "./icon-kit.mjs";

const SIZES = [16, 32, 80];
const LINES = [0x9a, 0xae, 0xa4];
const BULLET = [0x10, 0x7c, 0x41];
const SEAL = [0xc5, 0x0f, 0x1f];
const CLOCK = [0xe0, 0x6c, 0x00];
const WHITE = [255, 255, 255];

const SHEET = [0.2, 0.12, 0.8, 0.88, 0.07];
const inSheet = (x, y) => inRoundRect(x, y, ...SHEET);
const ring = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) <= r;

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A sheet on the tile, with `mark(x, y)` drawn on it (a colour, or null for the sheet itself). */
function sheetIcon(mark) {
  return (x, y) => {
    const tile = tileColour(x, y);
    if (!tile) return null;
    if (!inSheet(x, y)) return [...tile, 255];
    return [...(mark(x, y) ?? WHITE), 255];
  };
}

// 会议纪要: four list lines, each with a green bullet.
const minutes = sheetIcon((x, y) => {
  for (const ly of [0.28, 0.42, 0.56, 0.7]) {
    if (ring(x, y, 0.32, ly, 0.045)) return BULLET;
    if (Math.abs(y - ly) < 0.03 && x > 0.41 && x < 0.7) return LINES;
  }
  return null;
});

// 整改通知书: a title bar, two lines and a red seal (ring with a star-like dot) at the lower right.
const notice = sheetIcon((x, y) => {
  const sealR = Math.hypot(x - 0.6, y - 0.66);
  if (sealR <= 0.17 && sealR >= 0.11) return SEAL;
  if (sealR <= 0.05) return SEAL;
  if (Math.abs(y - 0.24) < 0.035 && x > 0.34 && x < 0.66) return LINES;
  if ([0.37, 0.47].some((ly) => Math.abs(y - ly) < 0.025 && x > 0.3 && x < 0.7)) return LINES;
  return null;
});

// 催办通知: two lines and an orange clock face with its hands.
const reminder = sheetIcon((x, y) => {
  const r = Math.hypot(x - 0.5, y - 0.62);
  if (r <= 0.2) {
    if (segmentDistance(x, y, [0.5, 0.62], [0.5, 0.5]) < 0.03) return WHITE;
    if (segmentDistance(x, y, [0.5, 0.62], [0.59, 0.66]) < 0.03) return WHITE;
    return CLOCK;
  }
  if ([0.24, 0.33].some((ly) => Math.abs(y - ly) < 0.025 && x > 0.3 && x < 0.7)) return LINES;
  return null;
});

writeIcons("minutes", SIZES, minutes);
writeIcons("notice", SIZES, notice);
writeIcons("reminder", SIZES, reminder);
