#!/usr/bin/env node
// A benchmark corpus: N edition folders (source.txt, and edition.json where the original has
// one) made from the reference document and test/fixtures/corpus by deterministic variation — the
// real documents first, then copies with persons renamed, paragraphs of the body reordered,
// dropped or repeated, and the translator's brackets mixed in — so sizes and structures stay
// those of the genre. Same N and seed → same files.
// Run: node bench/corpus.mjs OUT_DIR [N=1000] [SEED=1]
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CORPUS = new URL('../test/fixtures/corpus/', import.meta.url).pathname;
const ROOT = new URL('../', import.meta.url).pathname;

/** The documents the corpus is made from, with the names each may have renamed. */
export function baseDocuments() {
  const reference = {
    name: 'wilson-121798',
    source: readFileSync(join(ROOT, 'editions/wilson-121798/source.txt'), 'utf8'),
    manifest: readFileSync(join(ROOT, 'editions/wilson-121798/edition.json'), 'utf8'),
    names: ['Mikoyan', 'Mukhitdinov', 'Ponomarev', 'Ivanov', 'Nie Rongzhen', 'Qiao Xiaoguang'],
  };
  const corpus = readdirSync(CORPUS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => ({ name: file.replace(/\.txt$/, ''), source: readFileSync(join(CORPUS, file), 'utf8'), names: [] }));
  return [reference, ...corpus];
}

/** mulberry32: a small seeded generator, so the corpus is the same on every machine. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Gromyko', 'Suslov', 'Kosygin', 'Malenkov', 'Bulganin', 'Pervukhin', 'Saburov', 'Zhukov', 'Shepilov', 'Kaganovich'];
const BRACKETS = [(word) => `${word} [SIC]`, (word) => `[inserted by hand: ${word}]`, (word) => `${word} [?]`, (word) => `[the] ${word}`, () => '[...]'];

/** One variant: names swapped, the body's paragraphs shuffled a little, dropped or repeated, brackets added. */
function vary(document, next) {
  let { source, manifest } = document;
  for (const name of document.names) {
    if (next() < 0.5) continue;
    const other = SURNAMES[Math.floor(next() * SURNAMES.length)];
    source = source.split(name).join(other);
    if (manifest) manifest = manifest.split(name).join(other);
  }
  // The manifest's block overrides name blocks by number, which the variation moves: dropped.
  if (manifest) {
    const parsed = JSON.parse(manifest);
    delete parsed.blocks;
    manifest = `${JSON.stringify(parsed, null, 2)}\n`;
  }
  const blocks = source.split(/\n\n/);
  // A document without paragraph breaks (the flattened export) keeps its one block.
  if (blocks.length < 5) return { source, manifest };
  // The header (first fifth) and the footer (last fifth) stay in place: the layouts read them there.
  const start = Math.floor(blocks.length / 5);
  const end = Math.max(start, blocks.length - Math.floor(blocks.length / 5));
  const body = blocks.slice(start, end);
  const varied = [];
  for (const block of body) {
    const roll = next();
    if (roll < 0.06) continue; // dropped
    let text = block;
    if (next() < 0.25 && /[a-z]{4,}/.test(text)) {
      const words = text.split(' ');
      const index = Math.floor(next() * words.length);
      if (/^[a-z]{4,}$/.test(words[index] ?? '')) words[index] = BRACKETS[Math.floor(next() * BRACKETS.length)](words[index]);
      text = words.join(' ');
    }
    varied.push(text);
    if (roll > 0.94) varied.push(text); // repeated
  }
  for (let swap = 0; swap < varied.length / 10; swap += 1) {
    const index = Math.floor(next() * (varied.length - 1));
    [varied[index], varied[index + 1]] = [varied[index + 1], varied[index]];
  }
  return { source: [...blocks.slice(0, start), ...varied, ...blocks.slice(end)].join('\n\n'), manifest };
}

/** Write N editions into OUT/editions; returns their folders. */
export function writeCorpus(out, count, seed = 1) {
  const documents = baseDocuments();
  const next = random(seed);
  const editions = join(out, 'editions');
  rmSync(editions, { recursive: true, force: true });
  const folders = [];
  for (let index = 0; index < count; index += 1) {
    const base = documents[index % documents.length];
    const real = index < documents.length;
    const { source, manifest } = real ? base : vary(base, next);
    const folder = join(editions, `${String(index + 1).padStart(5, '0')}-${base.name.slice(0, 40)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'source.txt'), source);
    // A renamed copy gets its own id (the manifest's id would name every copy the same).
    if (manifest) writeFileSync(join(folder, 'edition.json'), manifest.replace(/"id": "[^"]*"/, `"id": "e${index + 1}"`));
    folders.push(folder);
  }
  return folders;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, count = '1000', seed = '1'] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node bench/corpus.mjs OUT_DIR [N=1000] [SEED=1]');
    process.exit(2);
  }
  const folders = writeCorpus(out, Number(count), Number(seed));
  console.log(`${folders.length} editions in ${join(out, 'editions')}`);
}
