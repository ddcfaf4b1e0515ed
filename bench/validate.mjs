#!/usr/bin/env node
// Benchmark of `teikit validate` against Debian's jing and xmllint on the same files, same run.
// Needs: npm ci, apt-get install jing libxml2-utils. Run: node bench/validate.mjs [N=500]
// Prints median figures and ratios; copy them into bench/RESULTS.md with the machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { convert } from '../dist/index.js';
import { compileSchema, validateDocument } from '../dist/validate/index.js';

const N = Number(process.argv[2] ?? 500);
const RNG = 'schema/teikit.rng';
const TEI_ALL = 'schema/tei_all.rng';
const REFERENCE = 'editions/wilson-121798/wilson-121798.xml';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timed = (task) => { const start = performance.now(); task(); return performance.now() - start; };
const time = (runs, task) => median(Array.from({ length: runs }, () => timed(task)));
const run = (command, args) => spawnSync(command, args, { stdio: 'ignore', env: { ...process.env, TEIKIT_CACHE_DIR: cache } });
const cache = mkdtempSync(join(tmpdir(), 'teikit-bench-cache-'));

// A folder of N TEI files: the reference edition and the corpus conversions, with the edition
// id varied so that no two files are the same.
const folder = mkdtempSync(join(tmpdir(), 'teikit-bench-validate-'));
const corpus = readdirSync('test/fixtures/corpus').filter((name) => name.endsWith('.txt')).sort();
const documents = [readFileSync(REFERENCE, 'utf8'), ...corpus.map((name) => convert(readFileSync(`test/fixtures/corpus/${name}`), { path: name }).tei)];
mkdirSync(folder, { recursive: true });
for (let index = 0; index < N; index++) {
  const text = documents[index % documents.length].replace(/<idno type="teikit">([^<]*)<\/idno>/, `<idno type="teikit">$1-${index}</idno>`);
  writeFileSync(join(folder, `doc-${String(index).padStart(4, '0')}.xml`), text);
}
const files = readdirSync(folder).sort().map((name) => join(folder, name));
const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);

// (a) one document, in one process, schema compiled once
const schema = await compileSchema(RNG);
const reference = readFileSync(REFERENCE);
for (let i = 0; i < 20; i++) validateDocument(reference, REFERENCE, { schema, rules: ['generic', 'teikit'] });
const warm = time(100, () => validateDocument(reference, REFERENCE, { schema, rules: ['generic', 'teikit'] }));
const teiAll = await compileSchema(TEI_ALL);
for (let i = 0; i < 10; i++) validateDocument(reference, REFERENCE, { schema: teiAll, rules: ['generic'] });
const warmTeiAll = time(50, () => validateDocument(reference, REFERENCE, { schema: teiAll, rules: ['generic'] }));

// one document, one fresh process each (what a per-file CI step pays)
run(process.execPath, ['dist/cli/main.js', 'validate', REFERENCE]); // fills the schema cache
const coldTeikit = time(10, () => run(process.execPath, ['dist/cli/main.js', 'validate', REFERENCE]));
const coldJing = time(10, () => run('java', ['-jar', '/usr/share/java/jing.jar', RNG, REFERENCE]));
const coldXmllint = time(10, () => run('xmllint', ['--noout', '--relaxng', RNG, REFERENCE]));
// the same against tei_all (teikit reads its compiled grammar from the cache the first run filled)
run(process.execPath, ['dist/cli/main.js', 'validate', '--schema', TEI_ALL, REFERENCE]);
const coldTeikitAll = time(10, () => run(process.execPath, ['dist/cli/main.js', 'validate', '--schema', TEI_ALL, REFERENCE]));
const coldJingAll = time(10, () => run('java', ['-jar', '/usr/share/java/jing.jar', TEI_ALL, REFERENCE]));

// (b) the folder, one process for all files, each tool
const batchTeikit = time(3, () => run(process.execPath, ['dist/cli/main.js', 'validate', folder]));
const batchJing = time(3, () => run('java', ['-jar', '/usr/share/java/jing.jar', RNG, ...files]));
const batchXmllint = time(3, () => run('xmllint', ['--noout', '--relaxng', RNG, ...files]));
const batchTeikitAll = time(3, () => spawnSync(process.execPath, ['dist/cli/main.js', 'validate', '--schema', TEI_ALL, folder], { stdio: 'ignore', env: { ...process.env, TEIKIT_CACHE_DIR: cache } }));
const batchJingAll = time(3, () => run('java', ['-jar', '/usr/share/java/jing.jar', TEI_ALL, ...files]));
const batchXmllintAll = time(1, () => run('xmllint', ['--noout', '--relaxng', TEI_ALL, ...files]));

// sanity: all three agree that every file is valid against teikit.rng
const agree = run(process.execPath, ['dist/cli/main.js', 'validate', folder]).status === 0 && run('xmllint', ['--noout', '--relaxng', RNG, ...files.slice(0, 20)]).status === 0;

const ms = (value) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const ratio = (theirs, ours) => `${(theirs / ours).toFixed(2)}×`;
console.log(`machine: ${cpus()[0]?.model} x${cpus().length}, node ${process.version}; ${execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) || 'java'}`.trim());
console.log(`files: ${N} TEI files, ${(bytes / 1048576).toFixed(1)} MB; all valid and agreed: ${agree}`);
console.log('| measurement | teikit | jing | xmllint | jing/teikit | xmllint/teikit |');
console.log('|---|---|---|---|---|---|');
console.log(`| reference, in process, schema compiled once (teikit.rng) | ${ms(warm)} | | | | |`);
console.log(`| reference, in process, schema compiled once (tei_all.rng) | ${ms(warmTeiAll)} | | | | |`);
console.log(`| reference, one fresh process (teikit.rng) | ${ms(coldTeikit)} | ${ms(coldJing)} | ${ms(coldXmllint)} | ${ratio(coldJing, coldTeikit)} | ${ratio(coldXmllint, coldTeikit)} |`);
console.log(`| reference, one fresh process (tei_all.rng) | ${ms(coldTeikitAll)} | ${ms(coldJingAll)} | | ${ratio(coldJingAll, coldTeikitAll)} | |`);
console.log(`| ${N} files, one process (teikit.rng) | ${ms(batchTeikit)} | ${ms(batchJing)} | ${ms(batchXmllint)} | ${ratio(batchJing, batchTeikit)} | ${ratio(batchXmllint, batchTeikit)} |`);
console.log(`| ${N} files, one process (tei_all.rng) | ${ms(batchTeikitAll)} | ${ms(batchJingAll)} | ${ms(batchXmllintAll)} | ${ratio(batchJingAll, batchTeikitAll)} | ${ratio(batchXmllintAll, batchTeikitAll)} |`);
