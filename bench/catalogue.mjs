#!/usr/bin/env node
// The catalogue at scale: for N editions, how long the build takes to write index.html, how large
// it is (index.html, and the pages and search parts of catalogue/), and in headless Chromium
// (Debian's, through playwright-core) how long it takes to open, to answer a first search (which
// loads its search parts) and a next one, and the page's heap; side by side with MiniSearch over
// the same editions in one page (miniSearchPage below). The editions are state records only (what the catalogue reads), made from the three bundled
// editions' records with dates, titles, participants and a share of the words varied, so that a
// corpus of 10,000 needs no 10,000 builds. Needs: npm run build, teikit build editions, chromium.
// Run: node bench/catalogue.mjs [N,N…=1000,10000]   (medians of 5 runs; MiniSearch 3, 1 from 5,000)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { writeCatalogue } from '../dist/build/catalogue/index.js';
import { catalogueEntry, entryHtml } from '../dist/build/catalogue/entry.js';
import { escapeHtml } from '../dist/build/html.js';
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

/**
 * The tool a static site would otherwise use, and teikit's catalogue until issue 15: every entry in
 * one page with MiniSearch (inlined, as a page that loads nothing must) and each edition's title,
 * persons and words as inline JSON, indexed in the browser on the first search.
 */
function miniSearchPage(root, order) {
  const folder = join(dirname(createRequire(import.meta.url).resolve('minisearch')), '..', '..');
  const library = readFileSync(join(folder, 'dist', 'umd', 'index.js'), 'utf8');
  const documents = order.map((placed, position) => {
    const { record } = placed;
    const words = JSON.parse(readFileSync(join(placed.edition.directory, '.teikit-build.json'), 'utf8')).words;
    return { i: position, title: record.title, persons: record.participants.join(', '), text: [record.archive, record.dateText, words].filter(Boolean).join(' ') };
  });
  const script = `(function () {
    var input = document.getElementById('search-input'), status = document.getElementById('search-status');
    var items = Array.prototype.slice.call(document.getElementById('editions').children), index = null;
    input.addEventListener('input', function () {
      if (!index) {
        index = new MiniSearch({ fields: ['title', 'persons', 'text'], idField: 'i', searchOptions: { boost: { title: 3, persons: 2 }, prefix: true, fuzzy: function (term) { return term.length > 4 ? 0.2 : false; }, combineWith: 'AND' } });
        index.addAll(JSON.parse(document.getElementById('search-data').textContent));
      }
      var found = new Set(index.search(input.value).map(function (hit) { return hit.id; }));
      items.forEach(function (item, position) { item.hidden = !found.has(position); });
      status.textContent = found.size + ' of ' + items.length + ' editions match \u201c' + input.value + '\u201d';
    });
  })();`;
  const entries = order.map((placed, position) => entryHtml(catalogueEntry(placed, root), position, '', escapeHtml)).join('');
  const path = join(root, 'minisearch.html');
  writeFileSync(path, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>MiniSearch</title></head><body>
<input id="search-input" type="search"><p id="search-status"></p><ul id="editions">${entries}</ul>
<script type="application/json" id="search-data">${JSON.stringify(documents).replace(/</g, '\\u003c')}</script>
<script>${library}</script><script>${script}</script></body></html>`);
  return path;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });

/** Open the page `runs` times, each in a fresh tab, and search twice: medians of each figure. */
async function measure(path, runs) {
  const figures = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(600_000);
    let at = Date.now();
    await page.goto(`file://${path}`, { waitUntil: 'load', timeout: 300_000 });
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
      await page.waitForFunction((wanted) => document.getElementById('search-status').textContent.includes(wanted), query, { timeout: 600_000 });
      const outside = Date.now() - at;
      return { outside, inside: await page.waitForFunction(() => window.benchAnswered).then((handle) => handle.jsonValue()) };
    };
    const first = await search('Mikoyan');
    const second = await search('Stalin');
    const heap = await page.evaluate(() => Math.round(performance.memory.usedJSHeapSize / 1048576));
    figures.push({ open, first: first.inside, firstOutside: first.outside, second: second.inside, secondOutside: second.outside, heap, answer: await page.locator('#search-status').innerText() });
    await page.close();
  }
  const pick = (key) => median(figures.map((run) => run[key]));
  return { open: pick('open'), first: pick('first'), firstOutside: pick('firstOutside'), second: pick('second'), secondOutside: pick('secondOutside'), heap: pick('heap'), answer: figures[0].answer };
}

const ms = (value) => `${Math.round(value)} ms`;
const megabytes = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
console.log('| editions | tool | write | page | beside it | open (load) | first search: in page / with playwright | next search | heap |');
console.log('|---|---|---|---|---|---|---|---|---|');
const ratios = [];
for (const size of SIZES) {
  const { root, members } = corpus(size);
  const order = readingOrder(members);
  let started = performance.now();
  const result = writeCatalogue(root, order, 'bench');
  const write = performance.now() - started;
  started = performance.now();
  const baseline = miniSearchPage(root, order);
  const baselineWrite = performance.now() - started;
  const folder = join(root, 'catalogue');
  const parts = existsSync(folder) ? readdirSync(folder).map((name) => statSync(join(folder, name)).size) : [];
  const aside = parts.length > 0 ? `${parts.length} files, ${megabytes(parts.reduce((a, b) => a + b, 0))}` : '—';
  // Five runs of teikit's page; MiniSearch's first search takes most of a minute at 10,000, so one run there.
  const ours = await measure(result.path, 5);
  const theirs = await measure(baseline, size >= 5000 ? 1 : 3);
  // Both must find the same number of editions, or the comparison is not of the same work.
  if (ours.answer !== theirs.answer) console.error(`different answers: teikit "${ours.answer}", MiniSearch "${theirs.answer}"`);
  const row = (tool, took, bytes, beside, figures) =>
    console.log(`| ${size} | ${tool} | ${(took / 1000).toFixed(1)} s | ${megabytes(bytes)} | ${beside} | ${ms(figures.open)} | ${ms(figures.first)} / ${ms(figures.firstOutside)} | ${ms(figures.second)} / ${ms(figures.secondOutside)} | ${figures.heap} MB |`);
  row('teikit', write, statSync(result.path).size, aside, ours);
  row('MiniSearch, one page', baselineWrite, statSync(baseline).size, '—', theirs);
  ratios.push(`${size}: open ${(ours.open / theirs.open).toFixed(2)}×, first search ${(ours.first / theirs.first).toFixed(3)}×, next ${(ours.second / theirs.second).toFixed(2)}× MiniSearch's time (in the page)`);
  rmSync(root, { recursive: true, force: true });
}
console.log(`\nteikit / MiniSearch: ${ratios.join('; ')}.`);
await browser.close();
