#!/usr/bin/env node
// How fast hostile XML is refused (median of 200 runs, in one process): an entity-expansion
// bomb and an external entity, through the validator and the renderer. Run: node bench/security.mjs
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compileTeikitSchema, validateDocument } from '../dist/validate/index.js';
import { render } from '../dist/render/index.js';

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
