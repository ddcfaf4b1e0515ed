#!/usr/bin/env node
// Compile the entry stylesheets of xslt/ to SEF (SaxonJS's compiled form) in dist/xslt/, once,
// at build time: `teikit render` never compiles XSLT. Run by `npm run build` (and so by npm ci).
// Skipped when the stylesheet sources and the compiler are those of the last compile (a
// fingerprint beside the SEF files): `npm test` builds before it runs, and compiling takes seconds.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

const STYLESHEETS = ['html', 'text', 'json'];
const OUTPUT = 'dist/xslt';
const FINGERPRINT = join(OUTPUT, 'sources.sha256');
const require = createRequire(import.meta.url);
const xslt3 = require.resolve('xslt3/xslt3.js');

const filesUnder = (directory) =>
  readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

const hash = createHash('sha256').update(`xslt3 ${require('xslt3/package.json').version}\n`);
for (const file of filesUnder('xslt')) hash.update(`${file}\n`).update(readFileSync(file));
const fingerprint = hash.digest('hex');

const compiled = STYLESHEETS.every((name) => existsSync(join(OUTPUT, `${name}.sef.json`)));
if (compiled && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, 'utf8').trim() === fingerprint) {
  console.log('xslt: the compiled stylesheets are up to date.');
} else {
  mkdirSync(OUTPUT, { recursive: true });
  // Each compile is a process of its own: run them side by side.
  await Promise.all(
    STYLESHEETS.map((name) => promisify(execFile)(process.execPath, [xslt3, `-xsl:xslt/${name}.xsl`, `-export:${OUTPUT}/${name}.sef.json`, '-nogo', '-relocate:on'])),
  );
  writeFileSync(FINGERPRINT, `${fingerprint}\n`);
  console.log(`xslt: compiled ${STYLESHEETS.join(', ')} to ${OUTPUT}/.`);
}
