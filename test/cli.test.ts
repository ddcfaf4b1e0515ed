/**
 * The command line: arguments, real files, exit codes and output, run in process through runCli
 * (what the executable runs); a real process where the process is what is tested: the bin's #!
 * line, stdin, the exit status a shell sees, the environment.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REFERENCE_SOURCE, REFERENCE_TEI, ROOT, readText, teikitInProcess, withoutCorpusBar, type CliRun } from './helpers.js';

const CLI = join(ROOT, 'dist/cli/main.js');
const work = mkdtempSync(join(tmpdir(), 'teikit-cli-'));

/** The executable in a process of its own (what a shell sees). */
function teikitProcess(args: string[], options: { input?: string; env?: Record<string, string> } = {}): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input: options.input ?? '', env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const teikit = teikitInProcess;

describe('teikit CLI', async () => {
  it('should print its version from package.json', async () => {
    const version = (JSON.parse(readText(join(ROOT, 'package.json'))) as { version: string }).version;
    expect((await teikit(['--version']))).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('should run as `npx teikit` does: the bin itself, by its #! line (executable after npm ci)', async () => {
    const run = spawnSync(CLI, ['--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('should print help for the program and for each command', async () => {
    expect((await teikit(['--help']))).toMatchObject({ status: 0 });
    const help = await teikit(['convert', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--manifest');
  });

  it('should exit 2 on usage errors', async () => {
    expect(teikitProcess([]).status).toBe(2); // the status a shell sees
    expect((await teikit(['frobnicate'])).stderr).toContain('Unknown command "frobnicate"');
    expect((await teikit(['convert', REFERENCE_SOURCE, '--colour'])).status).toBe(2);
    expect((await teikit(['convert'])).status).toBe(2);
    expect((await teikit(['convert', REFERENCE_SOURCE, '--format', 'yaml'])).status).toBe(2);
  });

  it('should convert the bundled edition with its manifest into the committed TEI', async () => {
    const output = join(work, 'out', 'wilson-121798.xml');
    const run = await teikit(['convert', 'editions/wilson-121798/source.txt', '-o', output, '--schema-base', '../../schema/']);
    expect(run.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(readText(REFERENCE_TEI));
    expect(run.stderr).toContain(
      'editions/wilson-121798/source.txt:54:1: info: Nam Il speaks but is not in the attendance list',
    );
    expect(readdirSync(join(work, 'out'))).toEqual(['wilson-121798.xml']); // no temporary file left
  });

  it('should write the TEI to stdout without -o, and read the source from stdin with -', async () => {
    const run = teikitProcess(['convert', '-', '--no-manifest'], { input: readText(REFERENCE_SOURCE) });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n(<\?xml-model [^\n]+\n){2}<TEI /);
  });

  it('should point the xml-model instructions at teikit\'s schema folder, relative to the output', async () => {
    const output = join(work, 'deep', 'er', 'x.xml');
    expect((await teikit(['convert', 'editions/wilson-121798/source.txt', '-o', output])).status).toBe(0);
    const href = readFileSync(output, 'utf8').match(/<\?xml-model href="([^"]+)teikit\.rng"/)?.[1] ?? '';
    expect(resolve(join(work, 'deep', 'er'), href, 'teikit.rng')).toBe(join(ROOT, 'schema', 'teikit.rng'));
  });

  it('should exit 1 on bad input, say where, and leave an existing output untouched', async () => {
    const empty = join(work, 'empty.txt');
    const output = join(work, 'kept.xml');
    writeFileSync(empty, '');
    writeFileSync(output, 'previous');
    const run = teikitProcess(['convert', empty, '-o', output]); // the status a shell sees
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${empty}: error: The file is empty`);
    expect(readFileSync(output, 'utf8')).toBe('previous');
    expect((await teikit(['convert', join(work, 'missing.txt')])).status).toBe(1);
  });

  it('should report an invalid manifest at its line and column and write nothing', async () => {
    const manifest = join(work, 'bad.json');
    writeFileSync(manifest, '{\n  "id": "x",\n  "edition": { "publisher": 5 }\n}\n');
    const output = join(work, 'never.xml');
    const run = await teikit(['convert', REFERENCE_SOURCE, '--manifest', manifest, '-o', output]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${manifest}:3:29: error: /edition/publisher must be string. [manifest/invalid]`);
    expect(existsSync(output)).toBe(false);
  });

  it('should give one JSON document with --format json', async () => {
    const run = await teikit(['convert', 'editions/wilson-121798/source.txt', '--format', 'json', '--report', '--schema-base', '../../schema/']);
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as { ok: boolean; tei: string; diagnostics: { ruleId: string; place?: { start: { line: number } } }[]; report: { decisions: unknown[] } };
    expect(parsed.ok).toBe(true);
    expect(parsed.tei).toBe(readText(REFERENCE_TEI));
    expect(parsed.diagnostics.find((diagnostic) => diagnostic.ruleId === 'speakers/not-in-attendance')?.place?.start.line).toBe(54);
    expect(parsed.report.decisions).toHaveLength(53);
  });

  it('should print the attribution decision of every block with --report', async () => {
    const run = await teikit(['convert', 'editions/wilson-121798/source.txt', '--report']);
    expect(run.status).toBe(0);
    const rows = run.stdout.split('\n').filter((line) => /^\d+\s/.test(line));
    expect(rows).toHaveLength(53);
    expect(rows[2]).toMatch(/^7\s+speech\s+kim-il-sung\s+manifest\/override\s+yes\s+Considering the advice/);
    expect(rows[6]).toMatch(/^11\s+speech\s+choe-yong-geon\s+label\/inline\s+no\s+Cde\. Choe Yong-geon\./);
  });
});

describe('teikit validate (CLI)', async () => {
  const broken = join(work, 'broken', 'broken.xml');
  const brokenText = readText(REFERENCE_TEI).replace('<sp xml:id="sp1" n="1" who="#kim-il-sung">', '<sp xml:id="sp1" n="1" who="#nobody">');
  mkdirSync(join(work, 'broken'), { recursive: true });
  writeFileSync(broken, brokenText);
  const brokenLine = brokenText.slice(0, brokenText.indexOf('who="#nobody"')).split('\n').length;

  it('should exit 0 on the bundled editions (TEI and manifest, found in the folder) and say so', async () => {
    const run = await teikit(['validate', 'editions']);
    expect(run.status).toBe(0);
    // Three TEI files and three manifests.
    expect(run.stdout).toContain('6 files checked: 6 valid, 0 invalid');
  });

  it('should exit 1 and print file:line:col, severity, message and rule id', async () => {
    const run = await teikit(['validate', broken]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${brokenLine}:\\d+: error: .*#nobody.* \\[tei/pointer-resolves\\]$`, 'm'));
  });

  it('should expand a quoted glob itself', async () => {
    const run = await teikit(['validate', 'editions/*/*.xml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3 files checked');
  });

  it('should write a JSON report', async () => {
    const run = await teikit(['validate', broken, REFERENCE_TEI, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { ok: boolean; summary: { files: number; invalid: number }; files: { path: string; valid: boolean; diagnostics: { ruleId: string; place: { start: { line: number } } }[] }[] };
    expect(report.ok).toBe(false);
    expect(report.summary).toMatchObject({ files: 2, invalid: 1 });
    expect(report.files[0]?.diagnostics[0]).toMatchObject({ ruleId: 'tei/pointer-resolves', place: { start: { line: brokenLine } } });
  });

  it('should write JUnit XML with one failing test case per invalid file', async () => {
    const run = await teikit(['validate', broken, REFERENCE_TEI, '--format', 'junit']);
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="teikit validate" tests="2" failures="1">/);
    expect(run.stdout.match(/<testcase /g)).toHaveLength(2);
    expect(run.stdout.match(/<failure /g)).toHaveLength(1);
    expect(run.stdout).toContain('type="tei/pointer-resolves"');
  });

  it('should write GitHub Actions annotations', async () => {
    const run = await teikit(['validate', broken, '--format', 'github']);
    expect(run.stdout).toMatch(new RegExp(`^::error file=.*broken\\.xml,line=${brokenLine},col=\\d+,title=tei/pointer-resolves::`, 'm'));
  });

  it('should pass warnings unless --strict', async () => {
    const warned = join(work, 'warned.xml');
    writeFileSync(warned, readText(REFERENCE_TEI).replace('<resp>Translated by</resp>', '<resp>Compiled by</resp>'));
    expect((await teikit(['validate', warned])).status).toBe(0);
    expect((await teikit(['validate', warned, '--strict'])).status).toBe(1);
  });

  it('should exit 2 on usage errors: unknown format, missing tei_all, bad schema path', async () => {
    expect((await teikit(['validate', REFERENCE_TEI, '--format', 'xml'])).status).toBe(2);
    const run = teikitProcess(['validate', REFERENCE_TEI, '--schema', 'tei_all'], { env: { TEIKIT_TEI_ALL: join(work, 'no-such-tei_all.rng') } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('TEIKIT_TEI_ALL names');
    expect((await teikit(['validate', REFERENCE_TEI, '--schema', 'schema.xsd'])).status).toBe(2);
    expect((await teikit(['validate', 'no-such-folder/*.xml'])).status).toBe(2);
  });

  it('should validate another archive\'s TEI against tei_all with the generic rules', async () => {
    // The release shipped in schema/ needs no setting (a fresh clone, offline)…
    const shipped = teikitProcess(['validate', '--schema', 'tei_all', `${FIXTURES}foreign/rusdracor-pushkin-mocart-i-saleri.xml`], { env: { TEIKIT_TEI_ALL: '' } });
    expect(shipped.stdout).toContain('1 file checked: 1 valid');
    expect(shipped.status).toBe(0);
    // …and TEIKIT_TEI_ALL points at another release: here teikit's own schema, which this file fails.
    const other = teikitProcess(['validate', '--schema', 'tei_all', `${FIXTURES}foreign/rusdracor-pushkin-mocart-i-saleri.xml`], { env: { TEIKIT_TEI_ALL: `${ROOT}schema/teikit.rng` } });
    expect(other.status).toBe(1);
    expect(other.stdout).toContain('1 file checked: 0 valid');
  });

  it('should give the schema\'s verdict on another project\'s TEI, its rules as advice unless --rules says otherwise', async () => {
    // ParlaMint's speakers are described in the corpus root, which is not given: 27 pointers lead nowhere here.
    const file = `${FIXTURES}foreign/parlamint-es-ga-2019-04-29-DSPG111.xml`;
    const advised = await teikit(['validate', '--schema', 'tei_all', file]);
    expect(advised.status).toBe(0);
    expect(advised.stdout).toContain('1 file checked: 1 valid, 0 invalid; 0 errors, 27 warnings.');
    expect(advised.stdout).toMatch(/: warning: @who="#\S+" points at/);
    const enforced = await teikit(['validate', '--schema', 'tei_all', '--rules', 'generic', file]);
    expect(enforced.status).toBe(1);
    expect(enforced.stdout).toContain('1 file checked: 0 valid, 1 invalid; 27 errors, 0 warnings.');
    const schemaOnly = await teikit(['validate', '--schema', 'tei_all', '--rules', 'none', file]);
    expect(schemaOnly.stdout).toContain('1 file checked: 1 valid, 0 invalid; 0 errors, 0 warnings.');
    expect((await teikit(['validate', '--rules', 'bogus', file])).status).toBe(2);
  });

  it('should list its rules with --list-rules, and need a file otherwise', async () => {
    const run = await teikit(['validate', '--list-rules']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean).map((line) => line.split(/\s+/)[0])).toEqual([
      'tei/id-unique', 'tei/pointer-resolves', 'tei/date-iso', 'teikit/sp-who', 'teikit/add-hand-declared',
      'teikit/header-translator', 'teikit/header-source', 'teikit/header-availability',
    ]);
    expect((await teikit(['validate'])).status).toBe(2);
  });

  it('should report a missing file as an error of that file and go on with the others', async () => {
    const run = await teikit(['validate', join(work, 'missing.xml'), REFERENCE_TEI]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('missing.xml: error: The file does not exist. [input/unreadable]');
    expect(run.stdout).toContain('2 files checked: 1 valid, 1 invalid');
  });
});

describe('teikit render (CLI)', async () => {
  const edition = (suffix: string): string => REFERENCE_TEI.replace(/\.xml$/, suffix);

  it('should reproduce the committed editions with -o, atomically', async () => {
    const out = join(work, 'render');
    for (const [args, committed] of [
      [['--to', 'html'], '.html'],
      [['--to', 'text'], '.txt'],
      [['--to', 'text', '--view', 'diplomatic'], '.diplomatic.txt'],
    ] as const) {
      const target = join(out, `edition${committed}`);
      const run = await teikit(['render', REFERENCE_TEI, ...args, '-o', target]);
      expect(run.status).toBe(0);
      // The committed page carries the corpus bar the build added (tested with the build).
      expect(readFileSync(target, 'utf8')).toBe(withoutCorpusBar(readText(edition(committed))));
    }
    expect(readdirSync(out).sort()).toEqual(['edition.diplomatic.txt', 'edition.html', 'edition.txt']);
  });

  it('should give the catalogue record as JSON, read from the header (--to json)', async () => {
    const run = await teikit(['render', REFERENCE_TEI, '--to', 'json']);
    expect(run.status).toBe(0);
    const record = JSON.parse(run.stdout) as Record<string, unknown>;
    // Keys in a fixed order; values as the reference header states them (read by hand).
    expect(Object.keys(record)).toEqual(['id', 'title', 'subtitle', 'date', 'dateText', 'archive', 'repository', 'translators', 'participants', 'summary']);
    expect(record).toMatchObject({
      id: 'wilson-121798',
      title: "Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers' Party Presidium",
      date: '1956-09-20',
      dateText: 'September 20, 1956',
      archive: 'GARF, Fond 5446, Opis 98c, Delo 718, Listy 18-34',
      repository: 'GARF',
      translators: ['Gary Goldberg'],
    });
    // Participants of the attendance list in its order, then the speakers it lacks; no one only mentioned.
    expect((record.participants as string[]).slice(0, 3)).toEqual(['Kim Il Sung', 'Kim Il', 'Pak Jeong-ae']);
    expect(record.participants).toContain('Nam Il');
    expect(record.participants).not.toContain('Eisenhower');
    expect(String(record.summary)).toMatch(/^Both Mikoyan and Peng Dehuai strongly urge/);
  });

  it('should write to stdout without -o', async () => {
    const run = await teikit(['render', REFERENCE_TEI, '--to', 'text']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readText(edition('.txt')));
  });

  it('should exit 2 without --to and 1 on a file that is not XML, writing nothing', async () => {
    expect((await teikit(['render', REFERENCE_TEI])).status).toBe(2);
    const target = join(work, 'never.html');
    const run = await teikit(['render', REFERENCE_SOURCE, '--to', 'html', '-o', target]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('source.txt:1:1: error: This file is not XML');
    expect(existsSync(target)).toBe(false);
  });
});
