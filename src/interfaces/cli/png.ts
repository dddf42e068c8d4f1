import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG of `width`×`height` whose pixels `paint` chooses; small demo images without an image library. */
export function encodePng(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, no filter method, no interlace
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(paint(x, y), row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A landscape-ish gradient in `hue` (0-360): sky, hills and a sun, different for every seed. */
export function demoLandscapePng(seed: number, width = 160, height = 100): Buffer {
  const hue = (seed * 47) % 360;
  const rgb = (h: number, s: number, l: number): [number, number, number] => {
    const a = s * Math.min(l, 1 - l);
    const f = (n: number) => {
      const k = (n + h / 30) % 12;
      return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
    };
    return [f(0), f(8), f(4)];
  };
  const sunX = 30 + ((seed * 37) % (width - 60));
  return encodePng(width, height, (x, y) => {
    const hill = height * 0.6 + Math.sin((x + seed * 13) / 17) * 10;
    if ((x - sunX) ** 2 + (y - 22) ** 2 < 100) return [255, 214, 90];
    if (y > hill) return rgb((hue + 100) % 360, 0.45, 0.25 + (y - hill) / height / 2);
    return rgb(hue, 0.6, 0.75 - y / height / 3);
  });
}
