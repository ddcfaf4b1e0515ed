#!/usr/bin/env node
// The README's pictures, made from the bundled editions with the project's own Chromium setup
// (Debian's chromium through playwright-core, as the browser tests use): the reading edition
// at a desktop's width, the same page on a phone, and the catalogue. Run after `npm run build`
// and `teikit build editions`:  node scripts/screenshots.mjs  (writes docs/*.png).
// CHROMIUM_PATH names another browser binary.
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const page = (path) => pathToFileURL(`${root}${path}`).href;
const SHOTS = [
  { file: 'docs/reading-edition.png', url: page('editions/frus-1944v06-d243/frus-1944v06-d243.html'), viewport: { width: 1280, height: 900 } },
  { file: 'docs/reading-edition-phone.png', url: page('editions/wilson-121798/wilson-121798.html'), viewport: { width: 390, height: 844 }, scale: 2 },
  { file: 'docs/catalogue.png', url: page('editions/index.html'), viewport: { width: 1280, height: 720 } },
];

mkdirSync(`${root}docs`, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--font-render-hinting=none'],
});
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: shot.scale ?? 1 });
    const tab = await context.newPage();
    await tab.goto(shot.url);
    await tab.screenshot({ path: `${root}${shot.file}` });
    await context.close();
    console.log(`${shot.file}: ${shot.viewport.width}×${shot.viewport.height}`);
  }
} finally {
  await browser.close();
}
