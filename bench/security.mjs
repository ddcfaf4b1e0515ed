#!/usr/bin/env node
// How fast hostile XML is refused (median of 200 runs, in one process): an entity-expansion
// bomb and an external entity, through the validator and the renderer. Run: node bench/security.mjs
import { performance } from 'node:perf_hooks';
import { compileTeikitSchema, validateDocument } from '../dist/validate/index.js';
import { render } from '../dist/render/index.js';

const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0">&lol9;</TEI>`;
const xxe = '<?xml version="1.0"?>\n<!DOCTYPE TEI [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">&secret;</TEI>';
const schema = await compileTeikitSchema();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (task) => median(Array.from({ length: 200 }, () => { const start = performance.now(); task(); return performance.now() - start; }));
const bytes = (text) => new TextEncoder().encode(text);
for (const [name, text] of [['entity bomb', bomb], ['external entity', xxe]]) {
  const validated = time(() => validateDocument(bytes(text), 'x.xml', { schema, rules: ['generic'] }));
  const rendered = time(() => render(text, 'x.xml', { to: 'html' }));
  const rule = validateDocument(bytes(text), 'x.xml', { schema, rules: ['generic'] }).diagnostics[0]?.ruleId;
  console.log(`${name}: validate ${validated.toFixed(3)} ms, render ${rendered.toFixed(3)} ms (median of 200) → ${rule}`);
}
