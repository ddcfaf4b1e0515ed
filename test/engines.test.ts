/**
 * The Node versions package.json claims are true: this Node is one of them, and every package
 * that `npm ci` installs supports the oldest of them (so `npm ci` gives no EBADENGINE warning).
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

interface LockEntry {
  engines?: { node?: string } | string[];
  dev?: boolean;
}

const project = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as { packages: Record<string, LockEntry> };

describe('engines', () => {
  const claimed = project.engines.node;
  const oldest = semver.minVersion(claimed);

  it('should claim a Node range that this Node satisfies', () => {
    expect(oldest).not.toBeNull();
    expect(semver.satisfies(process.version, claimed), `${process.version} vs ${claimed}`).toBe(true);
  });

  it('should install only packages that support the oldest Node it claims', () => {
    const installed = Object.entries(lock.packages).filter(([path]) => path.startsWith('node_modules/'));
    expect(installed.length).toBeGreaterThan(50);
    const unsupported = installed
      .map(([path, entry]) => ({ name: path.replace(/^.*node_modules\//, ''), range: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
      .filter(({ range }) => range !== undefined && !semver.satisfies(oldest!, range, { includePrerelease: true }))
      .map(({ name, range }) => `${name} needs node ${range}`);
    expect(unsupported).toEqual([]);
    // The check can fail: a package of today's Node 22 line is refused.
    expect(semver.satisfies(oldest!, '>=22.12.0')).toBe(false);
  });
});
