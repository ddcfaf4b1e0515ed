#!/usr/bin/env node
// Benchmark of `teikit build` over a generated corpus (bench/corpus.mjs), side by side in one run
// with the Java toolchain a user would otherwise assemble: Debian's jing validating the same TEI
// against the same RELAX NG, and Saxon-HE (Debian libsaxonhe-java) running the same stylesheets
// over the same TEI as batches (-s:dir -o:dir). Wall time and peak RSS from /usr/bin/time.
// Needs: npm ci; apt-get install jing libsaxonhe-java time.
// Run: node bench/build.mjs [N=1000] [--growth N2]   (e.g. --growth 5000 also builds N2 editions)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './corpus.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');
const SAXON = '/usr/share/java/Saxon-HE.jar';
const JING = '/usr/share/java/jing.jar';
const RNG = join(ROOT, 'schema/teikit.rng');
const args = process.argv.slice(2);
const growthAt = args.indexOf('--growth');
const growth = growthAt >= 0 ? Number(args.splice(growthAt, 2)[1]) : undefined;
const count = Number(args[0] ?? 1000);
const cores = availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'teikit-bench-build-'));

/** Run a command under /usr/bin/time: wall seconds and peak RSS (MB). */
function measure(command, commandArgs, cwd = work) {
  const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', command, ...commandArgs], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const match = /TIME ([\d.]+) (\d+)/.exec(run.stderr);
  if (!match) throw new Error(`${command} ${commandArgs.join(' ')} gave no timing:\n${run.stderr.slice(-2000)}`);
  return { seconds: Number(match[1]), rssMb: Number(match[2]) / 1024, status: run.status, stderr: run.stderr };
}

const buildArgs = (jobs) => [CLI, 'build', '--force', '--quiet', '--jobs', String(jobs)];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function corpus(size) {
  const root = join(work, `corpus-${size}`);
  writeCorpus(root, size);
  return root;
}

/** The TEI the build wrote, copied flat into one folder: the input of the Java batch. */
function flatTei(root) {
  const flat = join(work, 'tei');
  rmSync(flat, { recursive: true, force: true });
  mkdirSync(flat);
  const files = [];
  for (const folder of readdirSync(join(root, 'editions'), { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const name = `${folder.name}.xml`;
    // The catalogue's own folder (catalogue/: its pages and search index) holds no edition.
    if (!existsSync(join(root, 'editions', folder.name, name))) continue;
    cpSync(join(root, 'editions', folder.name, name), join(flat, name));
    files.push(join(flat, name));
  }
  return { flat, files };
}

function javaToolchain(flat, files) {
  const out = join(work, 'saxon-out');
  rmSync(out, { recursive: true, force: true });
  const jing = measure('java', ['-jar', JING, RNG, ...files]);
  if (jing.status !== 0) throw new Error(`jing found errors:\n${jing.stderr.slice(0, 2000)}`);
  const saxon = (xsl, suffix, params) => {
    // Saxon writes a folder of results only into a folder that exists.
    mkdirSync(join(out, suffix), { recursive: true });
    const step = measure('java', ['-cp', SAXON, 'net.sf.saxon.Transform', `-xsl:${join(ROOT, 'xslt', xsl)}`, `-s:${flat}`, `-o:${join(out, suffix)}`, ...params]);
    const written = readdirSync(join(out, suffix)).length;
    if (step.status !== 0 || written !== files.length) throw new Error(`Saxon-HE ${xsl} wrote ${written} of ${files.length} files:\n${step.stderr.slice(-2000)}`);
    return step;
  };
  const html = saxon('html.xsl', 'html', []);
  const reading = saxon('text.xsl', 'reading', ['view=reading']);
  const diplomatic = saxon('text.xsl', 'diplomatic', ['view=diplomatic']);
  const steps = [jing, html, reading, diplomatic];
  return { seconds: steps.reduce((sum, step) => sum + step.seconds, 0), rssMb: Math.max(...steps.map((step) => step.rssMb)), steps };
}

const row = (cells) => `| ${cells.join(' | ')} |`;
const f = (value, digits = 1) => value.toFixed(digits);

console.log(`machine: ${cpus()[0]?.model}, ${cores} cores, ${f(totalmem() / 2 ** 30, 0)} GiB; node ${process.version}`);
const root = corpus(count);
console.log(`corpus: ${count} editions (bench/corpus.mjs, seed 1)\n`);

// (a) teikit, whole pipeline: 1 job and all cores. Three runs each, median.
const runs = (jobs) => Array.from({ length: 3 }, () => measure(process.execPath, buildArgs(jobs), root));
const one = runs(1);
const all = runs(cores);
for (const run of [...one, ...all]) if (run.status !== 0) throw new Error(`teikit build failed:\n${run.stderr.slice(-3000)}`);
const teikitOne = { seconds: median(one.map((run) => run.seconds)), rssMb: median(one.map((run) => run.rssMb)) };
const teikitAll = { seconds: median(all.map((run) => run.seconds)), rssMb: median(all.map((run) => run.rssMb)) };

// (b) the Java toolchain on the TEI teikit wrote: validation and the three renders only.
const { flat, files } = flatTei(root);
const java = javaToolchain(flat, files);

console.log(row(['pipeline', 'what it does', 'wall (s)', 'docs/s', 'peak RSS (MB)', 'vs Java (wall)']));
console.log(row(['---', '---', '---', '---', '---', '---']));
console.log(row(['teikit build --jobs 1', 'convert + validate + 3 renders + catalogue', f(teikitOne.seconds), f(count / teikitOne.seconds), f(teikitOne.rssMb, 0), `${f(java.seconds / teikitOne.seconds, 2)}×`]));
console.log(row([`teikit build --jobs ${cores}`, 'convert + validate + 3 renders + catalogue', f(teikitAll.seconds), f(count / teikitAll.seconds), f(teikitAll.rssMb, 0), `${f(java.seconds / teikitAll.seconds, 2)}×`]));
console.log(row(['jing + Saxon-HE (4 JVMs)', 'validate + 3 renders', f(java.seconds), f(count / java.seconds), f(java.rssMb, 0), '1×']));
const [jing, html, reading, diplomatic] = java.steps;
console.log(`\nJava steps (s): jing ${f(jing.seconds)}, Saxon html ${f(html.seconds)}, reading ${f(reading.seconds)}, diplomatic ${f(diplomatic.seconds)}`);

// (c) one edition end to end, cold: a fresh process each time.
const single = join(work, 'single');
writeCorpus(single, 1);
const teikitCold = median(Array.from({ length: 5 }, () => measure(process.execPath, buildArgs(1), single).seconds));
const singleTei = flatTei(single);
const javaCold = median(Array.from({ length: 5 }, () => javaToolchain(singleTei.flat, singleTei.files).seconds));
console.log(`\nsingle edition, cold (median of 5): teikit build ${f(teikitCold, 2)} s; jing + 3 × Saxon-HE ${f(javaCold, 2)} s; ratio ${f(javaCold / teikitCold, 2)}×`);

// Memory as the corpus grows.
if (growth) {
  const large = corpus(growth);
  const grown = measure(process.execPath, buildArgs(cores), large);
  console.log(`\nmemory: peak RSS ${f(teikitAll.rssMb, 0)} MB at N=${count}, ${f(grown.rssMb, 0)} MB at N=${growth} (${f((grown.rssMb / teikitAll.rssMb - 1) * 100, 1)}%); wall ${f(grown.seconds)} s (${f(growth / grown.seconds)} docs/s)`);
}
rmSync(work, { recursive: true, force: true });
