#!/usr/bin/env node
// The converter's scoreboard: converts every FRUS document of test/fixtures/corpus-frus (79
// documents with gold facts read from the Office of the Historian's TEI and EPUBs) and scores
// the TEI against the gold with bench/eval/score.py (speakers, header, paragraphs, pages, notes,
// words). Also counts the conversions that are not valid against teikit.rng and its rules.
// Needs python3 (standard library only). After `npm ci`:
//
//   node bench/eval.mjs            the per-document table and the final line of scores
//   node bench/eval.mjs --summary  the final lines only
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from '../dist/index.js';
import { compileTeikitSchema, validateDocument } from '../dist/validate/index.js';

const GOLD = new URL('../test/fixtures/corpus-frus/', import.meta.url).pathname;
const SCORER = new URL('eval/score.py', import.meta.url).pathname;
const summaryOnly = process.argv.includes('--summary');

const output = mkdtempSync(join(tmpdir(), 'teikit-eval-'));
const schema = await compileTeikitSchema();
const invalid = [];
const names = readdirSync(GOLD).filter((name) => name.endsWith('.txt')).sort();
for (const name of names) {
  const result = convert(readFileSync(join(GOLD, name)), { path: name });
  if (!result.tei) {
    invalid.push(`${name}: not converted`);
    continue;
  }
  const file = join(output, name.replace(/\.txt$/, '.xml'));
  writeFileSync(file, result.tei);
  const validation = validateDocument(new TextEncoder().encode(result.tei), file, { schema, rules: ['generic', 'teikit'] });
  if (!validation.valid) invalid.push(`${name}: ${validation.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length} errors against teikit.rng and its rules`);
}

const scored = spawnSync('python3', [SCORER, '--dir', GOLD, '--tei-dir', output], { encoding: 'utf8' });
if (scored.error || scored.status !== 0) {
  console.error(`score.py failed: ${scored.error?.message ?? scored.stderr}`);
  process.exit(1);
}
const lines = scored.stdout.trimEnd().split('\n');
console.log((summaryOnly ? lines.slice(-2) : lines).join('\n'));
console.log(`teikit.rng: ${names.length - invalid.length} of ${names.length} conversions valid${invalid.length ? `\n  ${invalid.join('\n  ')}` : ''}`);
console.log(`(TEI in ${output})`);
