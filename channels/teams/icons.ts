// The Teams app icons, drawn in code so the package needs no binary files in git: a 192×192
// colour icon (white speech bubble on the accent colour) and a 32×32 outline icon (white on
// transparent), as Teams requires. Minimal PNG encoder: RGBA, no filtering, zlib-deflated.
import zlib from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

type Pixel = [number, number, number, number];

export function encodePng(size: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A rounded speech bubble with a tail, in unit coordinates (0..1). */
function inBubble(u: number, v: number): boolean {
  const inBody = u > 0.2 && u < 0.8 && v > 0.22 && v < 0.66;
  const tail = v >= 0.66 && v < 0.8 && u > 0.3 && u < 0.3 + (0.8 - v) * 1.2;
  return inBody || tail;
}

export function colorIcon(accentHex = '#6264A7'): Buffer {
  const n = parseInt(accentHex.replace('#', ''), 16);
  const accent: Pixel = [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
  return encodePng(192, (x, y) => (inBubble(x / 192, y / 192) ? [255, 255, 255, 255] : accent));
}

export function outlineIcon(): Buffer {
  return encodePng(32, (x, y) => (inBubble(x / 32, y / 32) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}
