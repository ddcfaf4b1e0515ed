#!/usr/bin/env node
// Fuzz run (issue 13): generated sources through the converter and mutated TEI through the
// validator and both renderers, each case watched by the main thread. A case fails when it
// throws (an internal error), takes more than 5 s (the worker is stopped and the run goes on),
// or, for a source that converts, loses a letter or a digit. Seeded, so a run can be repeated.
//
//   node bench/fuzz.mjs [--sources 10000] [--tei 2000] [--seed 1]
//   node bench/fuzz.mjs --case source:285 [--seed 1] > case.txt     one case, to look at it
//
// Sources: the fixture records cut, spliced, repeated and shuffled, with storms of brackets,
// control characters, form feeds, labels and page markers put in; TEI: the fixture TEI files
// (other projects' and teikit's own) spliced at random, with storms in the text, deep nesting
// and many attributes put in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { random } from './corpus.mjs';

const HANG_MS = 5000;
const ROOT = new URL('..', import.meta.url).pathname;

const files = (directory, suffix) => readdirSync(join(ROOT, directory)).filter((name) => name.endsWith(suffix)).map((name) => readFileSync(join(ROOT, directory, name), 'utf8'));
const STORMS = ['[', ']', '[SIC]', '[sic, ', '[inserted by hand: ', '[Page 7]', '\f', '\u0001', '\u0007', '\u00a0', '\t', 'Mr. Smith: ', 'Cde. ', 'Q. ', 'A. ', ':', '. . . ', '“', '\n', '\n\n', 'Participants: ', 'Sir: ', 'Respectfully yours,', '&', '<', '>'];
const TEI_STORMS = ['&amp;', '&lt;', '<hi>x</hi>', '<note>n</note>', '<pb/>', '<lb/>', ' ', '\u00a0', '&#x1F600;', '<choice><sic>a</sic><corr>b</corr></choice>'];

function mutateSource(texts, next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const base = pick(texts);
  const blocks = base.split('\n\n');
  const operation = Math.floor(next() * 6);
  if (operation === 0) {
    // Cut: a random range of the text.
    const start = Math.floor(next() * base.length);
    return base.slice(start, start + Math.floor(next() * 5000) + 1) || 'x';
  }
  if (operation === 1) {
    // Splice two records together at random points.
    const other = pick(texts);
    return base.slice(0, Math.floor(next() * base.length)) + other.slice(Math.floor(next() * other.length));
  }
  if (operation === 2) {
    // Shuffle, repeat and drop blocks.
    const out = [];
    for (let index = 0; index < blocks.length; index++) {
      const roll = next();
      if (roll < 0.1) continue;
      out.push(pick(blocks));
      if (roll > 0.9) out.push(pick(blocks));
    }
    return out.join('\n\n') || 'x';
  }
  // Storms: one token many times, at a few places.
  let text = base;
  const storms = 1 + Math.floor(next() * 4);
  for (let count = 0; count < storms; count++) {
    const at = Math.floor(next() * text.length);
    text = text.slice(0, at) + pick(STORMS).repeat(1 + Math.floor(next() * (operation === 5 ? 3000 : 30))) + text.slice(at);
  }
  return text;
}

function mutateTei(texts, next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const base = pick(texts);
  const operation = Math.floor(next() * 5);
  if (operation === 0) {
    // Splice: a range of one file into another (mostly not well-formed: must be refused cleanly).
    const other = pick(texts);
    const start = Math.floor(next() * other.length);
    const at = Math.floor(next() * base.length);
    return base.slice(0, at) + other.slice(start, start + Math.floor(next() * 2000)) + base.slice(at);
  }
  // Insert inside text content: after a random '>' that is followed by text.
  const positions = [...base.matchAll(/>(?=[^<\s])/g)].map((match) => match.index + 1);
  const at = positions.length > 0 ? pick(positions) : base.length;
  const insert =
    operation === 1 ? pick(TEI_STORMS).repeat(1 + Math.floor(next() * 500))
    : operation === 2 ? `${'<hi>'.repeat(1 + Math.floor(next() * 1500))}x${'</hi>'.repeat(1 + Math.floor(next() * 1500))}`
    : operation === 3 ? `<seg${Array.from({ length: 1 + Math.floor(next() * 1500) }, (_, index) => ` n${index}="v"`).join('')}>x</seg>`
    : `<note>${'<note>'.repeat(Math.floor(next() * 20))}deep${'</note>'.repeat(Math.floor(next() * 20))}</note>`;
  return base.slice(0, at) + insert + base.slice(at);
}

/** Letters and digits of a text, counted: where a storm splits a word, words would differ and characters not. */
const tally = (text) => {
  const counts = new Map();
  for (const [character] of text.matchAll(/[\p{L}\p{N}]/gu)) counts.set(character, (counts.get(character) ?? 0) + 1);
  return counts;
};

/** Letters and digits of the source missing from the TEI's text; the translator's markers (ENCODING.md) become markup, not text. */
function lostCharacters(source, tei) {
  const marked = source.replace(/\s*\[SIC\]/g, ' ').replace(/\[SIC,\s*/gi, '[').replace(/\[inserted by hand:\s*/g, '[').replace(/\s+-\s+SIC\]/g, ']').replace(/\[Page ([^\]]*)\]/g, ' Page $1 ');
  // A flag written otherwise than "[SIC]" is kept as the n of its <sic> ("[sic]") or of its comment's note ("[sic, probably …]").
  const text = tei.slice(tei.indexOf('<text')).replace(/<pb n="([^"]+)"\/>/g, ' Page $1 ').replace(/<(?:note|sic) [^>]*\bn="([^"]*)"[^>]*>/g, ' $1 ').replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const have = tally(text);
  return [...tally(marked)].filter(([character, count]) => (have.get(character) ?? 0) < count).map(([character, count]) => `${character} ×${count - (have.get(character) ?? 0)}`);
}

/** The files cases of a kind are made from. */
const fuzzBases = (kind) =>
  kind === 'source'
    ? [...files('test/fixtures/corpus', '.txt'), ...files('test/fixtures/corpus-frus', '.txt')]
    : [...files('test/fixtures/foreign', '.xml'), ...readdirSync(join(ROOT, 'editions')).filter((name) => !name.includes('.')).map((name) => readFileSync(join(ROOT, 'editions', name, `${name}.xml`), 'utf8'))];

const fuzzCase = (kind, texts, seed, index) => {
  const next = random(seed * 1000003 + index);
  return kind === 'source' ? mutateSource(texts, next) : mutateTei(texts, next);
};

async function runWorker() {
  const { convert } = await import('../dist/index.js');
  const { compileTeikitSchema, validateDocument } = await import('../dist/validate/index.js');
  const { renderEach } = await import('../dist/render/index.js');
  const schema = await compileTeikitSchema();
  const { kind, seed, from, to } = workerData;
  const texts = fuzzBases(kind);
  for (let index = from; index < to; index++) {
    const text = fuzzCase(kind, texts, seed, index);
    parentPort.postMessage({ started: index });
    const start = performance.now();
    let problem;
    try {
      if (kind === 'source') {
        const result = convert(text, { path: `case-${index}.txt` });
        if (result.tei) {
          const lost = lostCharacters(text, result.tei);
          if (lost.length > 0) problem = `lost characters: ${lost.slice(0, 5).join(', ')}`;
        } else if (!result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
          problem = 'no TEI and no error';
        }
      } else {
        const bytes = new TextEncoder().encode(text);
        validateDocument(bytes, `case-${index}.xml`, { schema, rules: ['generic'] });
        renderEach(bytes, `case-${index}.xml`, [{ to: 'html' }, { to: 'text', view: 'reading' }, { to: 'text', view: 'diplomatic' }]);
      }
    } catch (error) {
      problem = `internal error: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`;
    }
    parentPort.postMessage({ done: index, ms: performance.now() - start, problem, size: text.length });
  }
}

/** Run cases [0, count) of one kind in a watched worker; a case over HANG_MS is a hang, and the run goes on after it. */
function runKind(kind, count, seed) {
  return new Promise((resolve) => {
    const summary = { kind, count, slowest: { ms: 0 }, problems: [], hangs: [], bytes: 0 };
    const times = [];
    const launch = (from) => {
      if (from >= count) {
        times.sort((a, b) => a - b);
        resolve({ ...summary, median: times[Math.floor(times.length / 2)] ?? 0 });
        return;
      }
      const worker = new Worker(new URL(import.meta.url), { workerData: { kind, seed, from, to: count } });
      let current = from;
      let timer;
      const watch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          summary.hangs.push(current);
          void worker.terminate();
        }, HANG_MS);
      };
      worker.on('message', (message) => {
        if (message.started !== undefined) {
          current = message.started;
          watch();
          return;
        }
        clearTimeout(timer);
        times.push(message.ms);
        summary.bytes += message.size;
        if (message.ms > summary.slowest.ms) summary.slowest = { ms: message.ms, index: message.done };
        if (message.problem) summary.problems.push({ index: message.done, problem: message.problem });
        if ((message.done + 1) % 1000 === 0) process.stderr.write(`${kind}: ${message.done + 1} of ${count}\n`);
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        if (summary.hangs.at(-1) === current && current < count) launch(current + 1);
        else launch(count);
      });
    };
    launch(0);
  });
}

if (isMainThread) {
  const { values } = parseArgs({ options: { sources: { type: 'string', default: '10000' }, tei: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, case: { type: 'string' } } });
  const seed = Number(values.seed);
  if (values.case) {
    const [kind, index] = values.case.split(':');
    process.stdout.write(fuzzCase(kind, fuzzBases(kind), seed, Number(index)));
    process.exit(0);
  }
  const started = performance.now();
  let failed = false;
  for (const [kind, count] of [['source', Number(values.sources)], ['tei', Number(values.tei)]]) {
    const result = await runKind(kind, count, seed);
    failed ||= result.problems.length > 0 || result.hangs.length > 0;
    console.log(`${kind === 'source' ? 'sources (convert)' : 'TEI (validate + 3 renders)'}: ${result.count} cases, ${(result.bytes / 1048576).toFixed(1)} MB; median ${result.median.toFixed(1)} ms, slowest ${result.slowest.ms.toFixed(0)} ms (case ${result.slowest.index}); hangs over ${HANG_MS / 1000} s: ${result.hangs.length}${result.hangs.length ? ` (cases ${result.hangs.join(', ')})` : ''}; problems: ${result.problems.length}`);
    for (const { index, problem } of result.problems.slice(0, 20)) console.log(`  case ${index}: ${problem}`);
  }
  console.log(`seed ${seed}; ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
  process.exitCode = failed ? 1 : 0;
} else {
  await runWorker();
}
