// Draws build/icon.png (512x512): a blue rounded square with a white register page (ruled lines)
// and a small padlock. Run: node build/make-icon.mjs. No dependencies: PNG written with node:zlib.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SS = 4; // supersamples per axis
const BLUE = [31, 95, 168];
const DARK = [20, 62, 112];
const WHITE = [255, 255, 255];
const GOLD = [245, 183, 49];

// Signed distance to a rounded rectangle centred at (cx, cy) with half-size (hw, hh) and radius r.
function roundRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function colourAt(x, y) {
  // Background tile, transparent outside.
  if (roundRect(x, y, 256, 256, 240, 240, 96) > 0) return null;
  let c = BLUE;
  // Page with a shadow.
  if (roundRect(x, y, 244, 266, 130, 170, 22) <= 0) c = DARK;
  if (roundRect(x, y, 236, 256, 130, 170, 22) <= 0) {
    c = WHITE;
    // Ruled lines.
    for (let i = 0; i < 6; i++) {
      const ly = 150 + i * 44;
      if (roundRect(x, y, 224, ly, 86, 7, 7) <= 0) c = i === 0 ? BLUE : [150, 180, 215];
    }
  }
  // Padlock (bottom right): shackle ring and body.
  const ring = Math.abs(Math.hypot(x - 368, y - 338) - 40) - 11;
  if (ring <= 0 && y <= 352) c = GOLD;
  if (roundRect(x, y, 368, 392, 66, 52, 14) <= 0) {
    c = GOLD;
    if (Math.hypot(x - 368, y - 382) <= 12 || roundRect(x, y, 368, 404, 5, 18, 3) <= 0) c = DARK;
  }
  return c;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (c) {
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(new URL('./icon.png', import.meta.url), png);
process.stdout.write(`wrote build/icon.png (${png.length} bytes)\n`);
