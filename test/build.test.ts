/**
 * teikit build: the whole pipeline over a folder of editions, through the real CLI (worker
 * threads, real schema, real stylesheets), on copies of the bundled edition and corpus documents.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { findEditions, shardOf } from '../src/build/index.js';
import type { Terminal } from '../src/cli/command.js';
import { runCli } from '../src/cli/run.js';
import { buildCli as build, corpusFiles, makeBuildCorpus, ROOT, REFERENCE_SOURCE, REFERENCE_TEI, withoutCorpusBar } from './helpers.js';

const CLI = `${ROOT}dist/cli/main.js`;
const WORK = `${ROOT}test-output/build/`;
const makeCorpus = (name: string): string => makeBuildCorpus(join(WORK, name));
const OUTPUT_SUFFIXES = ['.xml', '.html', '.txt', '.diplomatic.txt'];

/** The entries of a catalogue page's list. */
const listedEntries = (page: string): string[] => /<ul id="editions">\n(.*?)<\/ul>/s.exec(page)?.[1]?.match(/<li><article /g) ?? [];

/** Every file under a folder (relative path → bytes), hidden state records and the catalogue included. */
function snapshot(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (directory: string, prefix: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(directory, entry.name), `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, readFileSync(join(directory, entry.name)));
    }
  };
  walk(folder, '');
  return files;
}

const modificationTimes = (folder: string, names: string[]): number[] => names.map((name) => statSync(join(folder, name)).mtimeMs);

/** The xml-model instructions point at teikit's schema/ from wherever the edition is. */
const withoutSchemaPaths = (tei: string): string => tei.replace(/<\?xml-model href="[^"]*(teikit\.(rng|sch))"/g, '<?xml-model href="$1"');

/** Timings differ from run to run; everything else in the report must not. */
const withoutTimings = (text: string): string => text.replace(/\(\d+ ms/g, '(… ms').replace(/\d+\.\d s/g, '… s').replace(/with \d+ workers?/g, 'with … workers');

/** A copy of a built corpus, file times kept (as a later run of the build would find it). */
function copyCorpus(from: string, name: string): string {
  const root = join(WORK, name);
  rmSync(root, { recursive: true, force: true });
  cpSync(from, root, { recursive: true, preserveTimestamps: true });
  return root;
}

describe('teikit build', () => {
  // The corpus built once with two workers; tests that start from a built corpus copy it.
  let fresh: { root: string; run: ReturnType<typeof build> };
  beforeAll(() => {
    const root = makeCorpus('fresh');
    fresh = { root, run: build(['--jobs', '2'], root) };
  });

  it('should build every edition of a folder, byte for byte what convert and render make, with a catalogue', () => {
    const { root, run } = fresh;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Building 5 of 5 editions with 2 workers');
    expect(run.stderr).toMatch(/5 built, 0 up to date, 0 failed/);
    expect(run.stderr).toContain('Catalogue editions/index.html: 5 editions.');

    const reference = join(root, 'editions', 'wilson-121798');
    expect(withoutSchemaPaths(readFileSync(join(reference, 'wilson-121798.xml'), 'utf8'))).toBe(withoutSchemaPaths(readFileSync(REFERENCE_TEI, 'utf8')));
    for (const suffix of ['.html', '.txt', '.diplomatic.txt']) {
      // The corpus bar differs: this corpus has five editions, editions/ three.
      expect(withoutCorpusBar(readFileSync(join(reference, `wilson-121798${suffix}`), 'utf8'))).toBe(withoutCorpusBar(readFileSync(`${ROOT}editions/wilson-121798/wilson-121798${suffix}`, 'utf8')));
    }
    // The xml-model instructions of a built edition point at the real schema from where it lies.
    expect(readFileSync(join(reference, 'wilson-121798.xml'), 'utf8')).toContain('<?xml-model href="../../../../../schema/teikit.rng"');
    // A TEI-only edition is validated and rendered, not converted: its TEI stays the only XML.
    const teiOnly = readdirSync(join(root, 'editions', 'tei-only')).filter((name) => !name.startsWith('.')).sort();
    expect(teiOnly).toEqual(['record.xml', 'tei-only.diplomatic.txt', 'tei-only.html', 'tei-only.txt']);
    // The same page, but for the bar and the TEI's file name, which the citation gives (no baseUrl).
    const teiOnlyPage = withoutCorpusBar(readFileSync(join(root, 'editions', 'tei-only', 'tei-only.html'), 'utf8'));
    expect(teiOnlyPage).toContain('TEI edition record.xml, teikit project');
    expect(teiOnlyPage.replaceAll('record.xml', 'wilson-121798.xml')).toBe(withoutCorpusBar(readFileSync(`${ROOT}editions/wilson-121798/wilson-121798.html`, 'utf8')));
    for (const code of ['01', '09', '12']) {
      for (const suffix of OUTPUT_SUFFIXES) expect(existsSync(join(root, 'editions', 'corpus', code, `${code}${suffix}`)), `${code}${suffix}`).toBe(true);
      // Well-formed to a parser that is not teikit's own.
      expect(XMLValidator.validate(readFileSync(join(root, 'editions', 'corpus', code, `${code}.xml`), 'utf8')), code).toBe(true);
    }
    expect(XMLValidator.validate('<TEI><text></TEI>')).not.toBe(true);

    const catalogue = readFileSync(join(root, 'editions', 'index.html'), 'utf8');
    expect(listedEntries(catalogue)).toHaveLength(5);
    expect(catalogue).toContain('<a href="wilson-121798/wilson-121798.html">Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers&#39; Party Presidium</a>');
    expect(catalogue).toContain('<a href="corpus/09/09.xml">TEI</a>');
    expect(catalogue).toContain('<a href="tei-only/record.xml">TEI</a>');
    expect(catalogue).toContain('<p class="edition-line"><time datetime="1956-09-20">September 20, 1956</time> · GARF, Fond 5446, Opis 98c, Delo 718, Listy 18-34 · translated by Gary Goldberg</p>');
    expect(catalogue).toContain('<p class="edition-line"><time datetime="1949-05-11">May 11, 1949</time> · 893.24/5–1149</p>');
    expect(catalogue).toMatch(/<p class="participants"><span class="label">Participants:<\/span> Kim Il Sung, Kim Il, Pak Jeong-ae, .* and \d+ more<\/p>/);
    // Filed by year, archive (the repository; a FRUS file number is the source's reference, not an archive) and person:
    // the script's data numbers each facet's values and lists each edition's, in reading order.
    const data = JSON.parse(/<script type="application\/json" id="catalogue-data">(.*?)<\/script>/s.exec(catalogue)![1]!) as { facets: Record<string, string[]>; editions: number[][][] };
    const named = (position: number): string[][] => ['year', 'archive', 'person'].map((facet, which) => data.editions[position]![which]!.map((number) => data.facets[facet]![number]!));
    expect(named(4)[0]).toEqual(['1956']);
    expect(named(4)[1]).toEqual(['GARF']);
    expect(named(4)[2]!.slice(0, 2)).toEqual(['Kim Il Sung', 'Kim Il']);
    expect(named(1).slice(0, 2)).toEqual([['1949'], ['Not stated']]);
    expect(catalogue).toContain('<input type="checkbox" name="year" value="1956"> 1956 <span class="count">2</span>');
    // In reading order, by date (the two copies of the reference record, same date and title, by folder).
    const order = [...catalogue.matchAll(/<h2 id="edition-\d+"><a href="([^"]+)"/g)].map((match) => match[1]);
    expect(order).toEqual(['corpus/12/12.html', 'corpus/09/09.html', 'corpus/01/01.html', 'tei-only/tei-only.html', 'wilson-121798/wilson-121798.html']);
    // Each page leads back to the catalogue and on to its neighbours in that order.
    const bar = (path: string): string => readFileSync(join(root, 'editions', path), 'utf8').match(/<nav class="corpus".*?<\/nav>/)?.[0] ?? '';
    expect(bar('wilson-121798/wilson-121798.html')).toMatch(/^<nav class="corpus" aria-label="Corpus"><ul><li class="corpus-catalogue"><a href="..\/index.html">All editions<\/a><\/li><li class="corpus-previous"><a href="..\/tei-only\/tei-only.html" rel="prev"[^>]*>.*<\/a><\/li><\/ul><\/nav>$/);
    expect(bar('corpus/12/12.html')).toMatch(/<a href="..\/..\/index.html">All editions<\/a>.*<li class="corpus-next"><a href="..\/09\/09.html" rel="next"/);
    expect(bar('corpus/12/12.html')).not.toContain('corpus-previous');
    // Nothing is loaded from anywhere: no src, no external link; scripts allowed by hash only.
    expect(catalogue).not.toMatch(/\ssrc=|https?:\/\/[^"]*"\s*>|<link/);
    expect(catalogue).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+';/);
  });

  it('should reproduce the bundled editions/ (outputs and catalogue) byte for byte', () => {
    const root = join(WORK, 'bundled');
    rmSync(root, { recursive: true, force: true });
    const bundled = snapshot(`${ROOT}editions`);
    const sources = [...bundled.keys()].filter((name) => name.endsWith('/source.txt') || name.endsWith('/edition.json'));
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const name of sources) {
      mkdirSync(join(root, 'editions', name, '..'), { recursive: true });
      writeFileSync(join(root, 'editions', name), bundled.get(name)!);
    }
    const run = build(['--jobs', '1'], root);
    expect(run.status, run.stderr).toBe(0);
    const built = snapshot(join(root, 'editions'));
    for (const [name, bytes] of bundled) {
      if (name.endsWith('.teikit-build.json')) continue;
      const text = (content: Buffer | undefined): string => withoutSchemaPaths(content?.toString('utf8') ?? '(missing)');
      expect(text(built.get(name)), name).toBe(text(bytes));
    }
    expect([...built.keys()].filter((name) => !name.endsWith('.teikit-build.json')).sort()).toEqual([...bundled.keys()].filter((name) => !name.endsWith('.teikit-build.json')).sort());
  });

  it('should write a catalogue that is valid HTML5 and escapes what the headers say', () => {
    // The built corpus, one source changed: only that edition is built again, and the catalogue written.
    const root = copyCorpus(fresh.root, 'catalogue');
    // A translator's name with markup characters must arrive in the page as text.
    const hostile = '<script>alert(1)</script> & "Goldberg"';
    const source = join(root, 'editions', 'wilson-121798', 'source.txt');
    writeFileSync(source, readFileSync(source, 'utf8').replace('Translated by Gary Goldberg', `Translated by ${hostile}`));
    const run = build(['--jobs', '1'], root);
    expect(run.status, run.stderr).toBe(0);
    const page = join(root, 'editions', 'index.html');
    const html = readFileSync(page, 'utf8');
    expect(html).toContain(' · translated by &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Goldberg&quot;</p>');
    expect(html).not.toContain('<script>alert(1)');
    // In the search data the same name is JSON with "<" escaped, so it cannot close the script element.
    expect(html).toContain('\\u003cscript>alert(1)\\u003c/script> & \\"Goldberg\\"');
    const vnu = spawnSync('java', ['-jar', `${ROOT}node_modules/vnu-jar/build/dist/vnu.jar`, '--errors-only', '--format', 'gnu', page], { encoding: 'utf8' });
    expect(vnu.error).toBeUndefined();
    expect(vnu.stderr.trim()).toBe('');
    expect(vnu.status).toBe(0);
  });

  it('should do nothing on a second run, say so, and rebuild only what changed or is missing', () => {
    expect(fresh.run.status).toBe(0);
    const root = copyCorpus(fresh.root, 'incremental');
    const editions = join(root, 'editions');
    const before = snapshot(editions);
    const reference = join(editions, 'wilson-121798');
    const times = modificationTimes(reference, ['wilson-121798.html', 'wilson-121798.xml']);

    const again = build(['--jobs', '1'], root);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/^Nothing to build: all 5 editions are up to date \(\d+\.\d s\)\. Use --force to rebuild\.\nCatalogue editions\/index\.html: 5 editions \(up to date\)\.\n$/);
    expect(snapshot(editions)).toEqual(before);
    expect(modificationTimes(reference, ['wilson-121798.html', 'wilson-121798.xml'])).toEqual(times);

    // A changed source: that edition only, and the catalogue with it.
    const source = join(editions, 'corpus', '12', 'source.txt');
    writeFileSync(source, readFileSync(source, 'utf8').replace('Chiang', 'Chiang Kai-shek'));
    const changed = build(['--jobs', '1'], root);
    expect(changed.status).toBe(0);
    expect(changed.stderr).toContain('Building 1 of 5 editions (4 up to date)');
    expect(changed.stderr).toContain('built  editions/corpus/12 (');
    expect(changed.stderr).toContain('Catalogue editions/index.html: 5 editions.');
    expect(modificationTimes(reference, ['wilson-121798.html', 'wilson-121798.xml'])).toEqual(times);

    // A deleted output and a damaged one are repaired.
    rmSync(join(reference, 'wilson-121798.txt'));
    writeFileSync(join(editions, 'corpus', '01', '01.html'), 'truncated');
    const repaired = build(['--jobs', '1'], root);
    expect(repaired.stderr).toContain('Building 2 of 5 editions (3 up to date)');
    expect(readFileSync(join(reference, 'wilson-121798.txt'), 'utf8')).toBe(readFileSync(`${ROOT}editions/wilson-121798/wilson-121798.txt`, 'utf8'));
    expect(readFileSync(join(editions, 'corpus', '01', '01.html'), 'utf8')).toMatch(/<\/html>\n?$/);

    // A changed manifest counts as a changed input (--force, rebuilding everything, is in the progress-bar test).
    const manifest = join(reference, 'edition.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"teikit maintainers"', '"The Editors"'));
    expect(build(['--jobs', '1'], root).stderr).toContain('Building 1 of 5 editions (4 up to date)');
    expect(readFileSync(join(reference, 'wilson-121798.xml'), 'utf8')).toContain('<persName xml:id="editor">The Editors</persName>');
  });

  it('should build only an edition added to a corpus, and rewrite only the corpus bars of its neighbours by date', () => {
    const root = copyCorpus(fresh.root, 'added');
    const editions = join(root, 'editions');
    const pages = ['corpus/09/09.html', 'corpus/01/01.html', 'corpus/12/12.html', 'wilson-121798/wilson-121798.html'];
    const before = new Map(pages.map((page) => [page, readFileSync(join(editions, page), 'utf8')]));
    const times = (page: string): number => statSync(join(editions, page)).mtimeMs;
    const timesBefore = new Map(pages.map((page) => [page, times(page)]));
    // Filippov to Stalin, 18 June 1949: between the transcript of 11 May 1949 (09) and the record of 16 December 1949 (01).
    mkdirSync(join(editions, 'corpus', '05'));
    cpSync(corpusFiles().find((path) => path.includes('/05-'))!, join(editions, 'corpus', '05', 'source.txt'));
    const run = build(['--jobs', '1'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Building 1 of 6 editions (5 up to date)');
    for (const page of ['corpus/09/09.html', 'corpus/01/01.html']) {
      const after = readFileSync(join(editions, page), 'utf8');
      expect(after, page).not.toBe(before.get(page));
      expect(withoutCorpusBar(after), page).toBe(withoutCorpusBar(before.get(page)!));
    }
    expect(readFileSync(join(editions, 'corpus/09/09.html'), 'utf8')).toMatch(/<li class="corpus-next"><a href="..\/05\/05.html" rel="next"/);
    expect(readFileSync(join(editions, 'corpus/01/01.html'), 'utf8')).toMatch(/<li class="corpus-previous"><a href="..\/05\/05.html" rel="prev"/);
    // The other pages are not touched.
    for (const page of ['corpus/12/12.html', 'wilson-121798/wilson-121798.html']) {
      expect(readFileSync(join(editions, page), 'utf8')).toBe(before.get(page));
      expect(times(page)).toBe(timesBefore.get(page));
    }
    // What was rewritten is recorded: nothing to do on the next run.
    expect(build(['--jobs', '1'], root).stderr).toMatch(/^Nothing to build: all 6 editions are up to date/);
  });

  it('should report outcomes in edition order and write the same bytes whatever the number of workers', () => {
    const one = makeCorpus('jobs-1');
    const first = build(['--jobs', '1'], one);
    const { root: two, run: second } = fresh;
    expect(first.status).toBe(0);
    expect(withoutTimings(second.stderr)).toBe(withoutTimings(first.stderr));
    const order = [...first.stderr.matchAll(/^built {2}(\S+)/gm)].map((match) => match[1]);
    expect(order).toEqual(['editions/corpus/01', 'editions/corpus/09', 'editions/corpus/12', 'editions/tei-only', 'editions/wilson-121798']);
    const [a, b] = [snapshot(join(one, 'editions')), snapshot(join(two, 'editions'))];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) {
      // State records hold file times; everything a reader sees must be identical.
      if (!name.endsWith('.teikit-build.json')) expect(b.get(name)?.equals(bytes), name).toBe(true);
    }
  });

  it('should build the others when one edition is broken, report it with its position, and exit 1', () => {
    const root = makeCorpus('broken');
    const editions = join(root, 'editions');
    mkdirSync(join(editions, 'bad-bytes'));
    writeFileSync(join(editions, 'bad-bytes', 'source.txt'), Buffer.concat([Buffer.from('Title\n\nCde. Mikoyan. Hello.\n\nA broken '), Buffer.from([0xff, 0xfe]), Buffer.from(' byte.\n')]));
    mkdirSync(join(editions, 'bad-manifest'));
    cpSync(REFERENCE_SOURCE, join(editions, 'bad-manifest', 'source.txt'));
    writeFileSync(join(editions, 'bad-manifest', 'edition.json'), '{\n  "id": "x",\n  "layout": "typewriter"\n}\n');
    // A linked source whose target is gone.
    mkdirSync(join(editions, 'gone'));
    symlinkSync(join(root, 'nowhere.txt'), join(editions, 'gone', 'source.txt'));
    mkdirSync(join(editions, 'two-tei'));
    cpSync(REFERENCE_TEI, join(editions, 'two-tei', 'a.xml'));
    cpSync(REFERENCE_TEI, join(editions, 'two-tei', 'b.xml'));

    const run = build(['--jobs', '1'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('failed editions/bad-bytes');
    expect(run.stderr).toMatch(/editions\/bad-bytes\/source\.txt:5:10: error: /);
    expect(run.stderr).toContain('failed editions/bad-manifest');
    expect(run.stderr).toMatch(/editions\/bad-manifest\/edition\.json:3:\d+: error: .*layout/);
    expect(run.stderr).toContain('editions/two-tei: error: This folder holds 2 TEI files (a.xml, b.xml)');
    expect(run.stderr).toContain('failed editions/gone\n  editions/gone/source.txt: error: The source does not exist. [input/unreadable]');
    expect(run.stderr).toMatch(/5 built, 0 up to date, 3 failed/);
    expect(run.stderr).toContain('Failed: bad-bytes, bad-manifest, gone');
    expect(existsSync(join(editions, 'wilson-121798', 'wilson-121798.html'))).toBe(true);
    // Nothing is written for a failed edition, and the catalogue lists the built ones only.
    expect(readdirSync(join(editions, 'bad-bytes'))).toEqual(['source.txt']);
    expect(listedEntries(readFileSync(join(editions, 'index.html'), 'utf8'))).toHaveLength(5);
    // Still broken on the next run: a failure is not remembered as done.
    const again = build(['--jobs', '1', '--format', 'github'], root);
    expect(again.stderr).toContain('Building 3 of 8 editions (5 up to date)');
    // For CI: the same errors as GitHub Actions annotations on stdout, in edition order.
    expect(again.stdout).toMatch(/^::error file=editions\/bad-bytes\/source\.txt,line=5,col=10,title=[^:]+::/);
    expect(again.stdout).toMatch(/^::error file=editions\/bad-manifest\/edition\.json,line=3,col=\d+,title=manifest\/invalid::.*layout/m);
    expect(again.stdout).toMatch(/^::error file=editions\/gone\/source\.txt,title=input\/unreadable::The source does not exist\.$/m);
  });

  it('should split the editions into stable shards that together cover the corpus once, without a catalogue', () => {
    const root = makeCorpus('shards');
    const built = ['1/3', '2/3', '3/3'].map((shard) => {
      const run = build(['--jobs', '1', '--shard', shard, '--quiet'], root);
      expect(run.status).toBe(0);
      expect(run.stderr).not.toContain('Catalogue');
      return Number(/(\d+) built/.exec(run.stderr)?.[1] ?? 0);
    });
    expect(built.reduce((sum, count) => sum + count, 0)).toBe(5);
    expect(existsSync(join(root, 'editions', 'index.html'))).toBe(false);
    // After all shards, a plain build has nothing left to do but the catalogue.
    const last = build(['--jobs', '1'], root);
    expect(last.stderr).toContain('Nothing to build: all 5 editions are up to date');
    expect(last.stderr).toContain('Catalogue editions/index.html: 5 editions.');

    // An edition's shard depends on its own path only: adding editions moves no one.
    const { editions } = findEditions([join(root, 'editions')]);
    const before = editions.map((edition) => shardOf(edition, 4));
    mkdirSync(join(root, 'editions', 'aaa-new'));
    cpSync(REFERENCE_SOURCE, join(root, 'editions', 'aaa-new', 'source.txt'));
    const after = findEditions([join(root, 'editions')]).editions.filter((edition) => edition.key !== 'aaa-new');
    expect(after.map((edition) => shardOf(edition, 4))).toEqual(before);
    expect(new Set(editions.map((edition) => shardOf(edition, 4))).size).toBeGreaterThan(1);
  });

  it('should leave no half-written output when killed, and repair on the next run', async () => {
    const root = join(WORK, 'killed');
    rmSync(root, { recursive: true, force: true });
    const editions = join(root, 'editions');
    const count = 8;
    for (let number = 1; number <= count; number += 1) {
      const folder = join(editions, `record-${String(number).padStart(2, '0')}`);
      mkdirSync(folder, { recursive: true });
      cpSync(REFERENCE_SOURCE, join(folder, 'source.txt'));
    }
    for (const signal of ['SIGKILL', 'SIGINT'] as const) {
      // One worker builds the editions one after another; the signal is sent when the first one is
      // reported built (its outputs and state record are written by then), so the build is always
      // in the middle of the others. --force: the second run has all of them to do again.
      const child = spawn(process.execPath, [CLI, 'build', '--jobs', '1', '--force'], { cwd: root, env: { ...process.env, CI: 'true' } });
      let stderr = '';
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const firstBuilt = await new Promise<boolean>((resolve) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (/^built/m.test(stderr)) resolve(true);
        });
        void exited.then(() => resolve(false));
      });
      expect(firstBuilt, stderr).toBe(true);
      child.kill(signal);
      const code = await exited;
      if (signal === 'SIGINT') {
        expect(code).toBe(130);
        expect(stderr).toContain('Interrupted: ');
      }
      expect(stderr).not.toMatch(/\d+ built, 0 up to date/);
      // Every output present is whole: temporary files are the only partial writes.
      for (const folder of readdirSync(editions).filter((name) => name.startsWith('record-'))) {
        for (const name of readdirSync(join(editions, folder))) {
          if (name.endsWith('.html')) expect(readFileSync(join(editions, folder, name), 'utf8'), name).toMatch(/<\/html>\n?$/);
          if (name.endsWith('.xml')) expect(readFileSync(join(editions, folder, name), 'utf8'), name).toMatch(/<\/TEI>\n?$/);
          if (signal === 'SIGINT') expect(name, `${folder}/${name}`).not.toMatch(/\.tmp-/);
        }
      }
    }
    const next = build(['--jobs', '1'], root);
    expect(next.status).toBe(0);
    expect(next.stderr).toMatch(new RegExp(`Building \\d+ of ${count} editions \\(\\d+ up to date\\)`));
    for (const folder of readdirSync(editions).filter((name) => name.startsWith('record-'))) {
      const names = readdirSync(join(editions, folder)).sort();
      expect(names).toEqual(['.teikit-build.json', 'source.txt', ...OUTPUT_SUFFIXES.map((suffix) => `${folder}${suffix}`).sort()].sort());
      expect(readFileSync(join(editions, folder, `${folder}.txt`), 'utf8')).toBe(readFileSync(join(editions, 'record-01', 'record-01.txt'), 'utf8'));
    }
  });

  it('should build an edition too large for a worker\'s heap again alone, without the cap', () => {
    const root = join(WORK, 'large');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'editions', 'large'), { recursive: true });
    // The reference with its body thirty times over: about 1 MB, more than a 48 MB heap can build.
    const blocks = readFileSync(REFERENCE_SOURCE, 'utf8').split('\n\n');
    const body = blocks.slice(10, -15).join('\n\n');
    writeFileSync(join(root, 'editions', 'large', 'source.txt'), [...blocks.slice(0, 10), ...Array.from({ length: 30 }, () => body), ...blocks.slice(-15)].join('\n\n'));
    const run = build([], root, { TEIKIT_WORKER_HEAP_MB: '48' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('editions/large/source.txt: info: This edition needed more than the 48 MB heap of a build worker; it was built again alone, without that limit. [build/large-edition]');
    expect(readFileSync(join(root, 'editions', 'large', 'large.html'), 'utf8')).toMatch(/<\/html>\n?$/);
  });

  it('should draw a progress bar on a terminal and plain lines elsewhere', () => {
    const root = makeCorpus('terminal');
    // `script` gives the build a real pseudo-terminal.
    const run = spawnSync('script', ['-qec', `${process.execPath} ${CLI} build --jobs 2`, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '', COLUMNS: '100' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\r\x1b\[2K\[#{24}\] 5\/5/);
    expect(run.stdout).toMatch(/\] [1-4]\/5 · \d+ s left · /);
    expect(run.stdout).not.toMatch(/^built /m);
    const quiet = build(['--jobs', '1', '--force', '--quiet'], root);
    expect(quiet.stderr).not.toContain('\r');
    expect(quiet.stderr).toMatch(/^5 built, 0 up to date, 0 failed; \d+ warnings?, 0 errors; \d+\.\d s with 1 worker\.\nCatalogue editions\/index\.html: 5 editions \(up to date\)\.\n$/);
  });

  it('should build an edition once when it is named twice (a folder and one inside it)', () => {
    const root = makeCorpus('twice');
    const run = build(['--jobs', '1', 'editions', 'editions/wilson-121798', 'editions/'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Building 5 of 5 editions');
    expect(run.stderr.match(/^built {2}editions\/wilson-121798 /gm)).toHaveLength(1);
    expect(run.stderr.match(/^Catalogue /gm)).toHaveLength(1);
  });

  it('should refuse bad arguments with exit 2 and a hint', async () => {
    const root = makeCorpus('usage');
    // The arguments are checked before any edition is read: in process, as main.ts runs it.
    const terminal: Terminal = { write: () => undefined, writeOut: () => undefined, interactive: false, columns: 80 };
    for (const [args, message] of [
      [['--jobs', '0'], '--jobs must be a whole number'],
      [['--shard', '4/3'], '--shard must be I/N with 1 ≤ I ≤ N'],
      [['--shard', 'half'], '--shard must be I/N'],
      [[join(root, 'no-such-folder')], 'no-such-folder" does not exist'],
      [[join(root, 'editions/wilson-121798/source.txt')], 'is not a folder'],
    ] as const) {
      const run = await runCli(['build', ...args], terminal);
      expect(run.exitCode, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('Run `teikit build --help` for usage.');
    }
    // And the status a shell sees.
    expect(build(['--jobs', 'many'], root).status).toBe(2);
    expect(existsSync(join(root, 'editions', 'index.html'))).toBe(false);
  });

  it('should say when a shard has none of the editions found', () => {
    const root = makeCorpus('empty-shard');
    const editions = findEditions([join(root, 'editions')]).editions;
    const count = 50;
    const empty = Array.from({ length: count }, (_, index) => index + 1).find((index) => editions.every((edition) => shardOf(edition, count) !== index));
    expect(empty).toBeDefined();
    const run = build(['--shard', `${empty}/${count}`], root);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('This shard has none of the 5 editions found; the other shards build them.');
    expect(run.stderr).not.toContain('No editions found');
  });
});
