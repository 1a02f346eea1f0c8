// Draws the 校验 (check) button's icon — a white sheet with a green tick on the Liaison tile — and
// writes assets/validate-{16,32,80}.png, the sizes the manifest's button declares. Same method as
// make-icons.mjs (supersampled shapes, PNG encoded with zlib, no native package).
// Run: node scripts/make-validate-icons.mjs
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 80];
const SUBSAMPLES = 8;
const GREEN_TOP = [0x13, 0x9a, 0x7a];
const GREEN_BOTTOM = [0x10, 0x7c, 0x41];
const TICK = [0x10, 0x7c, 0x41];
const LINES = [0xc8, 0xd6, 0xcf];

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Distance from (x, y) to the segment a–b. */
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
  if (!inRoundRect(x, y, 0.03, 0.03, 0.97, 0.97, 0.2)) return null;
  const t = (y - 0.03) / 0.94;
  const tile = GREEN_TOP.map((c, i) => Math.round(c + (GREEN_BOTTOM[i] - c) * t));
  if (inRoundRect(x, y, 0.22, 0.16, 0.78, 0.84, 0.07)) {
    if (inTick(x, y)) return [...TICK, 255];
    if (inLines(x, y)) return [...LINES, 255];
    return [255, 255, 255, 255];
  }
  return [...tile, 255];
}

function render(size) {
  const out = Buffer.alloc(size * size * 4);
  const n = SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((a / (n * n)) * 255);
      }
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = join(assets, `validate-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file}`);
}
