// Draws the Liaison mark (two speech bubbles on a green rounded square) and writes
// assets/icon-{16,32,64,80,128}.png. Pure Node: shapes are tested per sub-sample (anti-aliasing by
// supersampling) and the PNG is encoded by hand with zlib, so regenerating needs no native
// package. Run: node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const SUBSAMPLES = 8; // 8×8 samples per pixel: smooth edges even at 16 px

// Colours (straight RGBA, 0–255). Excel green and a lighter teal for the top of the tile.
const GREEN_TOP = [0x13, 0x9a, 0x7a];
const GREEN_BOTTOM = [0x10, 0x7c, 0x41];
const WHITE = [255, 255, 255];

/** Inside test for a rounded rectangle in unit coordinates. */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Inside test for a triangle (any winding). */
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

function inCircle(x, y, cx, cy, r) {
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// A speech bubble = rounded body + a tail triangle. `grow` widens it (used for the gap ring).
function bubble(body, tail, grow = 0) {
  const [x0, y0, x1, y1, r] = body;
  const tri = grow > 0 ? growTriangle(tail, grow) : tail;
  return (x, y) => inRoundRect(x, y, x0 - grow, y0 - grow, x1 + grow, y1 + grow, r + grow) || inTriangle(x, y, tri[0], tri[1], tri[2]);
}

// Pushes each triangle vertex away from the centroid so the gap ring also surrounds the tail.
function growTriangle(tri, grow) {
  const gx = (tri[0][0] + tri[1][0] + tri[2][0]) / 3;
  const gy = (tri[0][1] + tri[1][1] + tri[2][1]) / 3;
  return tri.map(([x, y]) => {
    const len = Math.hypot(x - gx, y - gy);
    return [x + ((x - gx) / len) * grow * 2, y + ((y - gy) / len) * grow * 2];
  });
}

const backBubble = bubble(
  [0.17, 0.2, 0.63, 0.53, 0.1],
  [
    [0.24, 0.48],
    [0.38, 0.48],
    [0.2, 0.66],
  ],
);
const frontBody = [0.37, 0.4, 0.83, 0.73, 0.1];
const frontTail = [
  [0.62, 0.68],
  [0.76, 0.68],
  [0.8, 0.86],
];
const frontBubble = bubble(frontBody, frontTail);
const frontGap = bubble(frontBody, frontTail, 0.045);
const dots = [0.49, 0.6, 0.71].map((cx) => (x, y) => inCircle(x, y, cx, 0.565, 0.038));

/** The colour (straight RGBA) of the mark at unit coordinates (x, y), or null when transparent. */
function paint(x, y) {
  if (!inRoundRect(x, y, 0.03, 0.03, 0.97, 0.97, 0.2)) return null;
  const t = (y - 0.03) / 0.94;
  const tile = GREEN_TOP.map((c, i) => Math.round(c + (GREEN_BOTTOM[i] - c) * t));
  if (frontBubble(x, y)) {
    return dots.some((d) => d(x, y)) ? [...tile, 255] : [...WHITE, 255];
  }
  if (frontGap(x, y)) return [...tile, 255];
  if (backBubble(x, y)) {
    // 70 % white over the tile: the back bubble reads as "the other side" of the conversation.
    return [...tile.map((c) => Math.round(c + (255 - c) * 0.7)), 255];
  }
  return [...tile, 255];
}

/** Renders a size×size RGBA image (straight alpha) by averaging premultiplied sub-samples. */
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
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
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

/** Encodes RGBA pixels as an 8-bit truecolour-with-alpha PNG (filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = join(assets, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file}`);
}
