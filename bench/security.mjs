#!/usr/bin/env node
// How fast hostile input is refused or read (in one process): an entity-expansion bomb and an
// external entity (validator and renderer), adversarial sources (converter), XML nested too deep
// and with too many attributes (validator). Run: node bench/security.mjs
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compileTeikitSchema, validateDocument } from '../dist/validate/index.js';
import { render } from '../dist/render/index.js';
import { convert } from '../dist/index.js';
import { adversarialSources } from './adversarial.mjs';

// The same documents the tests refuse.
const bomb = readFileSync('test/fixtures/hostile/entity-bomb.xml', 'utf8');
const xxe = readFileSync('test/fixtures/hostile/external-entity.xml', 'utf8');
const schema = await compileTeikitSchema();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (task) => median(Array.from({ length: 200 }, () => { const start = performance.now(); task(); return performance.now() - start; }));
const bytes = (text) => new TextEncoder().encode(text);
for (const [name, text] of [['entity bomb', bomb], ['external entity', xxe]]) {
  const validated = time(() => validateDocument(bytes(text), 'x.xml', { schema, rules: ['generic'] }));
  const rendered = time(() => render(text, 'x.xml', { to: 'html' }));
  const rule = validateDocument(bytes(text), 'x.xml', { schema, rules: ['generic'] }).diagnostics[0]?.ruleId;
  console.log(`${name}: validate ${validated.toFixed(3)} ms, render ${rendered.toFixed(3)} ms (median of 200) → ${rule}`);
}

// Adversarial sources (bench/adversarial.mjs) ten times the size the tests use: a run of 20,000
// characters of each kind in each place. A linear converter takes milliseconds for each; the
// bound below is far above that and far below what a quadratic pattern takes (0.5–4 s each
// before they were mended), so a regression shows as a FAIL line.
const BOUND_MS = 500;
const timings = adversarialSources(20000).map(({ name, text }) => {
  const start = performance.now();
  convert(text, { path: 'adversarial.txt' });
  return { name, ms: performance.now() - start };
});
timings.sort((a, b) => b.ms - a.ms);
const over = timings.filter((timing) => timing.ms > BOUND_MS);
console.log(`adversarial sources: ${timings.length} conversions of runs of 20,000 characters, median ${median(timings.map((timing) => timing.ms)).toFixed(1)} ms, slowest ${timings.slice(0, 3).map((timing) => `${timing.ms.toFixed(0)} ms (${timing.name})`).join(', ')}`);
console.log(over.length === 0 ? `  every conversion under ${BOUND_MS} ms` : `  FAIL: ${over.length} over ${BOUND_MS} ms: ${over.map((timing) => timing.name).join('; ')}`);

// XML that would exhaust the stack or the clock: refused while it is read.
const deep = (depth) => `<TEI xmlns="http://www.tei-c.org/ns/1.0">${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</TEI>`;
const attributes = `<TEI xmlns="http://www.tei-c.org/ns/1.0"${Array.from({ length: 50000 }, (_, index) => ` a${index}="v"`).join('')}/>`;
for (const [name, text] of [['nested 3,000 deep', deep(3000)], ['nested 100,000 deep', deep(100000)], ['50,000 attributes', attributes]]) {
  const once = (task) => { const start = performance.now(); task(); return performance.now() - start; };
  const validated = median(Array.from({ length: 5 }, () => once(() => validateDocument(bytes(text), 'x.xml', { schema, rules: ['generic'] }))));
  const rule = validateDocument(bytes(text), 'x.xml', { schema, rules: ['generic'] }).diagnostics[0]?.ruleId;
  console.log(`${name} (${(text.length / 1024).toFixed(0)} KB): validate ${validated.toFixed(1)} ms (median of 5) → ${rule}`);
}
