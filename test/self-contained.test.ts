/**
 * The repository passes its own tests alone: what a test or benchmark reads is in the
 * repository (test/fixtures/, schema/), never in a folder that happens to sit beside a clone.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The files a clone has: tracked ones and new ones not ignored (so a fixture not yet added is caught too). */
function repositoryFiles(): string[] {
  const run = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\0').filter(Boolean);
}

describe('a clone with nothing beside it', () => {
  it('should name no path outside the repository in its tests, benchmarks, sources or CI script', () => {
    const code = repositoryFiles().filter((file) => /^(test|bench|src|scripts|\.ci)\//.test(file) && /\.(ts|mjs|js|sh|py)$|^\.ci\/run$/.test(file));
    expect(code.length).toBeGreaterThan(20);
    const outside = code.filter((file) => /\.\.\/shared\b|\.\.\/\.\.\/shared\b/.test(readFileSync(join(ROOT, file), 'utf8')) && file !== 'test/self-contained.test.ts');
    expect(outside).toEqual([]);
  });

  it('should run a test that reads the fixtures and tei_all.rng from a copy of the repository alone in a folder', () => {
    const alone = join(mkdtempSync(join(tmpdir(), 'teikit-alone-')), 'teikit');
    for (const file of repositoryFiles()) {
      mkdirSync(join(alone, dirname(file)), { recursive: true });
      cpSync(join(ROOT, file), join(alone, file));
    }
    // Installed packages and the build are what `npm ci` makes; they are not part of the repository.
    symlinkSync(join(ROOT, 'node_modules'), join(alone, 'node_modules'));
    cpSync(join(ROOT, 'dist'), join(alone, 'dist'), { recursive: true });
    expect(readdirSync(join(alone, '..'))).toEqual(['teikit']);
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/corpus.test.ts', '--reporter', 'dot'], {
      cwd: alone,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/Test Files\s+1 passed/);
  });
});
