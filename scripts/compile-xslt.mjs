#!/usr/bin/env node
// Compile the entry stylesheets of xslt/ to SEF (SaxonJS's compiled form) in dist/xslt/, once,
// at build time: `teikit render` never compiles XSLT. Run by `npm run build` (and so by npm ci).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const STYLESHEETS = ['html', 'text', 'json'];
const xslt3 = createRequire(import.meta.url).resolve('xslt3/xslt3.js');
mkdirSync('dist/xslt', { recursive: true });
for (const name of STYLESHEETS) {
  execFileSync(process.execPath, [xslt3, `-xsl:xslt/${name}.xsl`, `-export:dist/xslt/${name}.sef.json`, '-nogo', '-relocate:on'], { stdio: 'inherit' });
}
