/** The command line as a user runs it: a real process, real files, exit codes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_SOURCE, REFERENCE_TEI, ROOT, readText } from './helpers.js';

const CLI = join(ROOT, 'dist/cli/main.js');
const work = mkdtempSync(join(tmpdir(), 'teikit-cli-'));

function teikit(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input: input ?? '', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('teikit CLI', () => {
  it('should print its version from package.json', () => {
    const version = (JSON.parse(readText(join(ROOT, 'package.json'))) as { version: string }).version;
    expect(teikit(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('should print help for the program and for each command', () => {
    expect(teikit(['--help'])).toMatchObject({ status: 0 });
    const help = teikit(['convert', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--manifest');
  });

  it('should exit 2 on usage errors', () => {
    expect(teikit([]).status).toBe(2);
    expect(teikit(['frobnicate']).stderr).toContain('Unknown command "frobnicate"');
    expect(teikit(['convert', REFERENCE_SOURCE, '--colour']).status).toBe(2);
    expect(teikit(['convert']).status).toBe(2);
    expect(teikit(['convert', REFERENCE_SOURCE, '--format', 'yaml']).status).toBe(2);
  });

  it('should convert the bundled edition with its manifest into the committed TEI', () => {
    const output = join(work, 'out', 'wilson-121798.xml');
    const run = teikit(['convert', 'editions/wilson-121798/source.txt', '-o', output]);
    expect(run.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(readText(REFERENCE_TEI));
    expect(run.stderr).toContain(
      'editions/wilson-121798/source.txt:54:1: warning: Nam Il speaks but is not in the attendance list',
    );
    expect(readdirSync(join(work, 'out'))).toEqual(['wilson-121798.xml']); // no temporary file left
  });

  it('should write the TEI to stdout without -o, and read the source from stdin with -', () => {
    const run = teikit(['convert', '-', '--no-manifest'], readText(REFERENCE_SOURCE));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<TEI /);
  });

  it('should exit 1 on bad input, say where, and leave an existing output untouched', () => {
    const empty = join(work, 'empty.txt');
    const output = join(work, 'kept.xml');
    writeFileSync(empty, '');
    writeFileSync(output, 'previous');
    const run = teikit(['convert', empty, '-o', output]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${empty}: error: The source is empty`);
    expect(readFileSync(output, 'utf8')).toBe('previous');
    expect(teikit(['convert', join(work, 'missing.txt')]).status).toBe(1);
  });

  it('should report an invalid manifest at its line and column and write nothing', () => {
    const manifest = join(work, 'bad.json');
    writeFileSync(manifest, '{\n  "id": "x",\n  "edition": { "publisher": 5 }\n}\n');
    const output = join(work, 'never.xml');
    const run = teikit(['convert', REFERENCE_SOURCE, '--manifest', manifest, '-o', output]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${manifest}:3:29: error: /edition/publisher must be string. [manifest/invalid]`);
    expect(existsSync(output)).toBe(false);
  });

  it('should give one JSON document with --format json', () => {
    const run = teikit(['convert', 'editions/wilson-121798/source.txt', '--format', 'json', '--report']);
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as { ok: boolean; tei: string; diagnostics: { ruleId: string; place?: { start: { line: number } } }[]; report: { decisions: unknown[] } };
    expect(parsed.ok).toBe(true);
    expect(parsed.tei).toBe(readText(REFERENCE_TEI));
    expect(parsed.diagnostics.find((diagnostic) => diagnostic.ruleId === 'speakers/not-in-attendance')?.place?.start.line).toBe(54);
    expect(parsed.report.decisions).toHaveLength(53);
  });

  it('should print the attribution decision of every block with --report', () => {
    const run = teikit(['convert', 'editions/wilson-121798/source.txt', '--report']);
    expect(run.status).toBe(0);
    const rows = run.stdout.split('\n').filter((line) => /^\d+\s/.test(line));
    expect(rows).toHaveLength(53);
    expect(rows[2]).toMatch(/^7\s+speech\s+kim-il-sung\s+manifest\/override\s+yes\s+Considering the advice/);
    expect(rows[6]).toMatch(/^11\s+speech\s+choe-yong-geon\s+label\/inline\s+no\s+Cde\. Choe Yong-geon\./);
  });
});
