// Renders public/icon.svg into the PNG icons browsers and phones ask for (192 and 512 for the web
// manifest, 180 for an iPhone's home screen, 32 inside favicon.ico), in the Chromium the e2e tests
// use. Run after changing the SVG: `node --import tsx tools/icons/render-icons.ts`; commit the output.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";

const PUBLIC = path.resolve(import.meta.dirname, "../../public");
const SIZES: Record<string, number> = {
  "icon-192.png": 192,
  "icon-512.png": 512,
  "apple-touch-icon.png": 180,
};

/** A .ico holding one PNG: a 6-byte header, one 16-byte directory entry, then the PNG itself. */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // where the PNG starts
  return Buffer.concat([header, png]);
}

const svg = await readFile(path.join(PUBLIC, "icon.svg"), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  const render = async (size: number) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    return page.screenshot({ omitBackground: true });
  };
  for (const [name, size] of Object.entries(SIZES)) {
    await writeFile(path.join(PUBLIC, name), await render(size));
  }
  await writeFile(path.join(PUBLIC, "favicon.ico"), icoOf(await render(32), 32));
} finally {
  await browser.close();
}
