// Draws the Liaison mark (two speech bubbles on a green rounded square) and writes
// assets/icon-{16,32,64,80,128}.png. Pure Node: shapes are tested per sub-sample (anti-aliasing by
// supersampling) and the PNG is encoded by hand with zlib, so regenerating needs no native
// package. Run: node scripts/make-icons.mjs
import { WHITE, inRoundRect, tileColour, writeIcons } from "./icon-kit.mjs";

const SIZES = [16, 32, 64, 80, 128];

// Colours (straight RGBA, 0–255). Excel green and a lighter teal for the top of the tile.

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
  const tile = tileColour(x, y);
  if (!tile) return null;
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

writeIcons("icon", SIZES, paint);
