/**
 * Draws the toolbar and store icons (icons/icon-{16,32,48,128}.png): a blue tile with a white
 * shield and a check mark, "this shop's connection is safe". Pure Node: shapes as signed distance
 * functions, 4x4 supersampled, written as RGBA PNG with zlib. Run: `tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

function roundedBox(x: number, y: number, half: number, radius: number): number {
  const qx = Math.abs(x) - half + radius;
  const qy = Math.abs(y) - half + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** A shield: a box on top, narrowing to a point below. Coordinates in [-1, 1], y down. */
function shield(x: number, y: number): number {
  const top = -0.62;
  const width = 0.5 * (y < 0.05 ? 1 : Math.max(0, 1 - ((y - 0.05) / 0.67) ** 1.4));
  if (y < top || y > 0.72) return 1;
  return Math.abs(x) - width;
}

function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
}

function shade(x: number, y: number): Rgba {
  if (roundedBox(x, y, 0.96, 0.32) > 0) return [0, 0, 0, 0];
  const check = Math.min(segment(x, y, -0.22, 0.02, -0.05, 0.2), segment(x, y, -0.05, 0.2, 0.25, -0.18));
  if (shield(x, y) < 0) return check < 0.085 ? [24, 160, 120, 255] : [255, 255, 255, 255];
  const t = (y + 1) / 2;
  return [Math.round(40 + 10 * t), Math.round(90 - 30 * t), Math.round(230 - 40 * t), 255];
}

function render(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / samples) / size) * 2 - 1;
          const [r, g, b, a] = shade(x, y);
          acc[0]! += r * a;
          acc[1]! += g * a;
          acc[2]! += b * a;
          acc[3]! += a;
        }
      }
      const alpha = acc[3]!;
      const o = 1 + px * 4;
      row[o] = alpha ? Math.round(acc[0]! / alpha) : 0;
      row[o + 1] = alpha ? Math.round(acc[1]! / alpha) : 0;
      row[o + 2] = alpha ? Math.round(acc[2]! / alpha) : 0;
      row[o + 3] = Math.round(alpha / (samples * samples));
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), render(size));
}
