#!/usr/bin/env node
// Benchmark of `teikit convert` (run after `npm ci`): node bench/convert.mjs
// Prints median figures; copy them into bench/RESULTS.md with the machine they came from.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { convert } from '../dist/index.js';

const source = readFileSync('editions/wilson-121798/source.txt');
const manifest = { text: readFileSync('editions/wilson-121798/edition.json', 'utf8'), path: 'edition.json' };
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (runs, task) => median(Array.from({ length: runs }, () => { const start = performance.now(); task(); return performance.now() - start; }));

for (let i = 0; i < 20; i++) convert(source, { path: 'source.txt', manifest }); // warm up
const warm = time(100, () => convert(source, { path: 'source.txt', manifest }));

const text = source.toString('utf8');
const body = text.slice(text.indexOf('Opening the meeting'), text.indexOf('The meeting ended'));
const big = Buffer.from(text.replace(body, body.repeat(Math.ceil((20 << 20) / body.length))));
const bigTime = time(3, () => convert(big, { path: 'big.txt' }));

const cold = time(10, () => spawnSync(process.execPath, ['dist/cli/main.js', 'convert', 'editions/wilson-121798/source.txt', '-q'], { stdio: 'ignore' }));
const node = time(10, () => spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' }));

console.log(`machine: ${cpus()[0]?.model} x${cpus().length}, node ${process.version}`);
console.log(`reference (${(source.length / 1024).toFixed(0)} KB), in process, warm: ${warm.toFixed(2)} ms median of 100`);
console.log(`20 MB record, in process: ${(bigTime / 1000).toFixed(2)} s median of 3 (${((big.length / 1048576) / (bigTime / 1000)).toFixed(1)} MB/s)`);
console.log(`reference, cold CLI process: ${cold.toFixed(0)} ms median of 10 (bare node start: ${node.toFixed(0)} ms)`);
