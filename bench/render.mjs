#!/usr/bin/env node
// Benchmark of `teikit render` (SaxonJS, SEF compiled at build time) against Saxon-HE (Java,
// Debian libsaxonhe-java) running the same stylesheets on the same file, in the same run.
// Needs: npm ci; apt-get install libsaxonhe-java. Run: node bench/render.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { render } from '../dist/render/index.js';

const TEI = 'editions/wilson-121798/wilson-121798.xml';
const SAXON = '/usr/share/java/Saxon-HE.jar';
const STAGES = [
  { name: 'html', xsl: 'xslt/html.xsl', options: { to: 'html' }, args: ['--to', 'html'], params: [] },
  { name: 'text (reading)', xsl: 'xslt/text.xsl', options: { to: 'text', view: 'reading' }, args: ['--to', 'text'], params: ['view=reading'] },
  { name: 'text (diplomatic)', xsl: 'xslt/text.xsl', options: { to: 'text', view: 'diplomatic' }, args: ['--to', 'text', '--view', 'diplomatic'], params: ['view=diplomatic'] },
];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timed = (task) => { const start = performance.now(); task(); return performance.now() - start; };
const time = (runs, task) => median(Array.from({ length: runs }, () => timed(task)));
const out = mkdtempSync(join(tmpdir(), 'teikit-bench-render-'));
const tei = readFileSync(TEI);

console.log(`machine: ${cpus()[0]?.model} x${cpus().length}, node ${process.version}; reference TEI ${(tei.length / 1024).toFixed(0)} KB`);
console.log('| stage | teikit warm (in process) | Saxon-HE warm (-repeat) | teikit cold (CLI) | Saxon-HE cold (java) | cold: Saxon/teikit | warm: Saxon/teikit |');
console.log('|---|---|---|---|---|---|---|');
for (const stage of STAGES) {
  for (let i = 0; i < 10; i++) render(tei, TEI, stage.options); // warm up: SEF loaded, JIT done
  const warm = time(50, () => render(tei, TEI, stage.options));
  const cold = time(10, () => spawnSync(process.execPath, ['dist/cli/main.js', 'render', TEI, ...stage.args, '-o', join(out, 'teikit.out')], { stdio: 'ignore' }));
  const java = ['-cp', SAXON, 'net.sf.saxon.Transform', `-xsl:${stage.xsl}`, `-s:${TEI}`, `-o:${join(out, 'saxon.out')}`];
  const saxonCold = time(10, () => spawnSync('java', [...java, ...stage.params], { stdio: 'ignore' }));
  // Saxon's own timing of repeated transforms in one JVM (-t prints "Execution time" per run).
  const repeated = spawnSync('java', [...java, '-t', '-repeat:100', ...stage.params], { encoding: 'utf8' });
  const times = [...repeated.stderr.matchAll(/Execution time: ([\d.]+)ms/g)].map((match) => Number(match[1]));
  const saxonWarm = median(times.slice(-50));
  const f = (ms) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
  console.log(`| ${stage.name} | ${f(warm)} | ${f(saxonWarm)} | ${f(cold)} | ${f(saxonCold)} | ${(saxonCold / cold).toFixed(2)}× | ${(saxonWarm / warm).toFixed(2)}× |`);
}
