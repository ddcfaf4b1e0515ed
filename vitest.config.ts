import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Both cores: vitest's default on a 2-core machine is one worker, and most files wait on
    // child processes (jing, vnu, chromium, build workers) as much as they compute.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest.json' },
    // Compiled schemas are cached here, not in the user's ~/.cache.
    env: { TEIKIT_CACHE_DIR: 'test-output/schema-cache' },
  },
});
