#!/usr/bin/env node
// The catalogue at scale: for N editions, how long the build takes to write index.html, how large
// it is (index.html, and the pages and search parts of catalogue/), and in headless Chromium
// (Debian's, through playwright-core) how long it takes to open, to answer a first search (which
// loads its search parts) and a next one, and the page's heap.
// The editions are state records only (what the catalogue reads), made from the three bundled
// editions' records with dates, titles, participants and a share of the words varied, so that a
// corpus of 10,000 needs no 10,000 builds. Needs: npm run build, teikit build editions, chromium.
// Run: node bench/catalogue.mjs [N,N…=1000,10000]   (medians of 5 runs)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { writeCatalogue } from '../dist/build/catalogue/index.js';
import { readingOrder } from '../dist/build/navigation.js';
import { random } from './corpus.mjs';

const SIZES = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const BUNDLED = ['wilson-121798', 'frus-1944v06-d243', 'frus-1949v09-d550'];
const states = BUNDLED.map((name) => JSON.parse(readFileSync(`editions/${name}/.teikit-build.json`, 'utf8')));
const vocabulary = [...new Set(states.flatMap((state) => state.words.split(' ')))];
const PERSONS = ['Mikoyan', 'Stalin', 'Mao Zedong', 'Kim Il Sung', 'Rusk', 'Nelson', 'Chiang Kai-shek', 'Zhou Enlai', 'Molotov', 'Truman', 'Acheson', 'Marshall', 'Peng Dehuai', 'Khrushchev'];

function corpus(size) {
  const root = mkdtempSync(join(tmpdir(), `teikit-catalogue-${size}-`));
  const next = random(size);
  const members = [];
  for (let index = 0; index < size; index++) {
    const base = states[index % states.length];
    const name = `e${String(index).padStart(5, '0')}`;
    const directory = join(root, name);
    mkdirSync(directory);
    const year = 1940 + Math.floor(next() * 40);
    const date = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const participants = [...PERSONS.filter(() => next() < 0.15), `Person ${Math.floor(next() * 3000)}`];
    // About a thousand distinct words, most shared with other editions, a few of its own.
    const words = [...vocabulary.filter(() => next() < 0.6), `word${index}`, `term${Math.floor(next() * size)}`].join(' ');
    const record = { ...base.record, id: name, title: `${base.record.title} (${index + 1})`, date, dateText: date, participants };
    writeFileSync(join(directory, '.teikit-build.json'), JSON.stringify({ ...base, record, words }));
    members.push({ directory, name, key: name, root, source: { path: join(directory, 'source.txt'), kind: 'text' } });
  }
  return { root, members };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
console.log('| editions | write | index.html | catalogue/ | open (load) | first search: in page / with playwright | next search | heap |');
console.log('|---|---|---|---|---|---|---|---|');
for (const size of SIZES) {
  const { root, members } = corpus(size);
  const started = performance.now();
  const result = writeCatalogue(root, readingOrder(members), 'bench');
  const write = performance.now() - started;
  const bytes = readFileSync(result.path).length;
  const runs = [];
  // Five runs each, a fresh page each time (the median).
  for (let run = 0; run < 5; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(600_000);
    let at = Date.now();
    await page.goto(`file://${result.path}`, { waitUntil: 'load', timeout: 300_000 });
    const open = Date.now() - at;
    // In the page: from the input event to the frame after the answer is written (the time a reader
    // waits); from outside: playwright's fill until it sees the answer (adds its round trips, ~75 ms).
    await page.evaluate(() => {
      const status = document.getElementById('search-status');
      document.getElementById('search-input').addEventListener('input', () => { window.benchStarted = performance.now(); }, { capture: true });
      new MutationObserver(() => requestAnimationFrame(() => setTimeout(() => { window.benchAnswered = performance.now() - window.benchStarted; }, 0))).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const search = async (query) => {
      at = Date.now();
      await page.evaluate(() => { window.benchAnswered = undefined; });
      await page.fill('#search-input', query);
      await page.waitForFunction((wanted) => document.getElementById('search-status').textContent.includes(wanted), query, { timeout: 300_000 });
      const outside = Date.now() - at;
      return { outside, inside: await page.waitForFunction(() => window.benchAnswered).then((handle) => handle.jsonValue()) };
    };
    const first = await search('Mikoyan');
    const second = await search('Stalin');
    const heap = await page.evaluate(() => Math.round(performance.memory.usedJSHeapSize / 1048576));
    runs.push({ open, first: first.inside, firstOutside: first.outside, second: second.inside, secondOutside: second.outside, heap });
    await page.close();
  }
  const pick = (key) => median(runs.map((run) => run[key]));
  const folder = join(root, 'catalogue');
  const parts = existsSync(folder) ? readdirSync(folder).map((name) => statSync(join(folder, name)).size) : [];
  const aside = parts.length > 0 ? `${parts.length} files, ${(parts.reduce((a, b) => a + b, 0) / 1048576).toFixed(1)} MB` : '—';
  const ms = (value) => `${Math.round(value)} ms`;
  console.log(`| ${size} | ${(write / 1000).toFixed(1)} s | ${(bytes / 1048576).toFixed(1)} MB | ${aside} | ${ms(pick('open'))} | ${ms(pick('first'))} / ${ms(pick('firstOutside'))} | ${ms(pick('second'))} / ${ms(pick('secondOutside'))} | ${pick('heap')} MB |`);
  rmSync(root, { recursive: true, force: true });
}
await browser.close();
