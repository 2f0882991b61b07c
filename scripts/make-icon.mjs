// Draws the marketplace icon, media/icon.png (128×128): the activity-bar glyph (media/icon.svg: a road winding
// up past milestones to a flag) in colour on a rounded square. No image library: a small anti-aliased
// rasteriser (4×4 samples per pixel) and a PNG writer on node:zlib.
//
//   node scripts/make-icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const SCALE = SIZE / 24; // the glyph is drawn in the SVG's 24×24 units

const BACKGROUND = [0x1f, 0x3b, 0x5c]; // deep blue
const ROAD = [0xf2, 0xf5, 0xf8];
const FLAG = [0xff, 0x9f, 0x1c];

/** Points along a circular arc from angle `from` to `to` (radians, y pointing down), in glyph units. */
function arc([cx, cy], r, from, to, steps = 16) {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const angle = from + ((to - from) * i) / steps;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });
}

// The same shapes as media/icon.svg: a road winding up in three lanes, two milestones on it, a flag at its end.
const road = [[3.5, 20.5], ...arc([14.75, 17.25], 3.25, Math.PI / 2, -Math.PI / 2), ...arc([9.25, 10.75], 3.25, Math.PI / 2, (3 * Math.PI) / 2), [18, 7.5]];
const pole = [[18, 7.5], [18, 1.8]];
const pennant = [[18, 2], [22.2, 3.7], [18, 5.4]];
const milestones = [[3.5, 20.5], [12, 14]];
const STROKE = 2.4 / 2; // bolder than the 1.6 glyph: the icon is often seen small
const DOT = 2.3;

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function nearPolyline(point, line, radius) {
  for (let i = 1; i < line.length; i++) {
    if (distanceToSegment(point, line[i - 1], line[i]) <= radius) return true;
  }
  return false;
}

function insideTriangle([px, py], [a, b, c]) {
  const side = (p, q) => (px - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (py - q[1]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** Inside the rounded square that fills the icon (corner radius 22 px). */
function insideBackground(x, y) {
  const r = 22;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** The colour at one sample (pixel coordinates), or undefined outside the icon. Later shapes paint over earlier ones. */
function colourAt(x, y) {
  if (!insideBackground(x, y)) return undefined;
  // The glyph, centred with a margin: 24 units map onto 104 px.
  const g = [(x - 12) / (SCALE * (104 / 128)), (y - 12) / (SCALE * (104 / 128))];
  if (insideTriangle(g, pennant) || nearPolyline(g, pennant.concat([pennant[0]]), 0.35)) return FLAG;
  if (nearPolyline(g, pole, STROKE * 0.85)) return FLAG;
  if (milestones.some(([mx, my]) => Math.hypot(g[0] - mx, g[1] - my) <= DOT)) return ROAD;
  if (nearPolyline(g, road, STROKE)) return ROAD;
  return BACKGROUND;
}

function render() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          if (colour) {
            sum[0] += colour[0];
            sum[1] += colour[1];
            sum[2] += colour[2];
            sum[3] += 255;
          }
        }
      }
      const n = SAMPLES * SAMPLES;
      const covered = sum[3] / 255;
      const offset = (y * SIZE + x) * 4;
      // Colour averaged over the covered samples, alpha over all of them: smooth edges on any background.
      for (let k = 0; k < 3; k++) rgba[offset + k] = covered === 0 ? 0 : Math.round(sum[k] / covered);
      rgba[offset + 3] = Math.round(sum[3] / n);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  // compression, filter and interlace methods: 0
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');
writeFileSync(out, encodePng(SIZE, SIZE, render()));
console.log(`wrote ${out} (${SIZE}×${SIZE})`);
