#!/usr/bin/env node
// Draws the kernel logos (logos/logo-32x32.png, logos/logo-64x64.png) that JupyterLab shows in
// the launcher. The PNGs are committed; rerun this script (`npm run logos -w nnlab-kernel`)
// only to change the design. It depends on nothing but Node: a tiny rasteriser (4×4
// supersampling for anti-aliasing) and a PNG encoder (zlib from Node, CRC-32 written here).
//
// The design: a TypeScript-blue rounded square with a small 2-3-1 neural network in white.
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "..", "logos");

const BLUE = [49, 120, 198]; // #3178c6, TypeScript's blue
const WHITE = [255, 255, 255];

// Layout in unit coordinates (0..1); scaled to each size.
const layers = [
  [0.36, 0.64].map((y) => [0.24, y]),
  [0.24, 0.5, 0.76].map((y) => [0.5, y]),
  [[0.76, 0.5]],
];
const nodeRadius = 0.075;
const edgeWidth = 0.035;
const cornerRadius = 0.18;

/** Coverage (0..1) of the shape at a point: the rounded square. */
function insideRoundedSquare(x, y) {
  const r = cornerRadius;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function isWhite(x, y) {
  for (const layer of layers) {
    for (const [nx, ny] of layer) {
      if (Math.hypot(x - nx, y - ny) <= nodeRadius) return true;
    }
  }
  for (let i = 0; i + 1 < layers.length; i++) {
    for (const a of layers[i]) {
      for (const b of layers[i + 1]) {
        if (distanceToSegment(x, y, a, b) <= edgeWidth / 2) return true;
      }
    }
  }
  return false;
}

/** RGBA pixels of the logo at `size`×`size`. */
function render(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!insideRoundedSquare(x, y)) continue;
          covered++;
          if (isWhite(x, y)) white++;
        }
      }
      const i = (py * size + px) * 4;
      const w = covered ? white / covered : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BLUE[c] * (1 - w) + WHITE[c] * w);
      rgba[i + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return rgba;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG file. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods: 0
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0])); // filter type "None" for each scanline
    rows.push(rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of [32, 64]) {
  const file = join(outDir, `logo-${size}x${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log("wrote", file);
}
