// Draws the Teams app icons and writes them next to this script:
//   color.png   192x192, white symbol on the accent colour (full bleed)
//   outline.png  32x32, the same symbol in white on a transparent background
// The symbol is three interlocking rings: the agencies meeting round one table.
// Run `node manifest/make-icons.mjs` after changing the drawing and commit the PNGs it writes;
// `--out <dir>` writes them elsewhere (the tests check the committed ones are its output).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pngjs from 'pngjs';

export const ACCENT = [0x0f, 0x5c, 0x64]; // #0F5C64, also the manifest's accentColor

/** The symbol in unit coordinates: true when (x, y) lies on one of the three rings. */
function onSymbol(x, y, scale) {
  const ring = 0.21 * scale;
  const stroke = 0.068 * scale;
  const spread = 0.19 * scale;
  const cy = 0.5 + spread / 4; // centres the triangle of rings vertically
  for (const angle of [-90, 30, 150]) {
    const a = (angle * Math.PI) / 180;
    const dx = x - (0.5 + spread * Math.cos(a));
    const dy = y - (cy + spread * Math.sin(a));
    if (Math.abs(Math.hypot(dx, dy) - ring) <= stroke / 2) return true;
  }
  return false;
}

/** Renders the symbol with 4x4 supersampling; `background` null means transparent. */
export function drawIcon(size, scale, background) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (onSymbol(x, y, scale)) hits++;
        }
      }
      const cover = hits / (samples * samples);
      const i = (py * size + px) * 4;
      if (background) {
        for (let c = 0; c < 3; c++)
          pixels[i + c] = Math.round(background[c] * (1 - cover) + 255 * cover);
        pixels[i + 3] = 255;
      } else {
        pixels.fill(255, i, i + 3);
        pixels[i + 3] = Math.round(255 * cover);
      }
    }
  }
  const png = new pngjs.PNG({ width: size, height: size, colorType: 6 });
  pixels.copy(png.data);
  return pngjs.PNG.sync.write(png, { colorType: 6 });
}

const here = import.meta.dirname;
if (process.argv[1] && path.resolve(process.argv[1]) === path.join(here, 'make-icons.mjs')) {
  const [flag, dir] = process.argv.slice(2);
  if (flag !== undefined && (flag !== '--out' || !dir)) {
    console.error('usage: node manifest/make-icons.mjs [--out <dir>]');
    process.exit(2);
  }
  const outDir = dir ?? here;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'color.png'), drawIcon(192, 0.62, ACCENT));
  writeFileSync(path.join(outDir, 'outline.png'), drawIcon(32, 1, null));
  process.stdout.write(`wrote color.png (192x192) and outline.png (32x32) to ${outDir}\n`);
}
