/**
 * Other projects' TEI rendered as they mean it (issue 14): one minimal file per defect found in
 * real TEI (test/fixtures/foreign/minimal-cases, README there), through the real stylesheets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, type RenderOptions } from '../src/render/index.js';
import { FIXTURES, ROOT, words, xmlText } from './helpers.js';

const MINIMAL = `${FIXTURES}foreign/minimal-cases/`;
const VIEWS: readonly RenderOptions[] = [{ to: 'html' }, { to: 'text', view: 'reading' }, { to: 'text', view: 'diplomatic' }];

/** A minimal case rendered; a render that fails fails the test with its message. */
function renderCase(name: string, options: RenderOptions): string {
  const result = render(readFileSync(`${MINIMAL}${name}`), name, options);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return result.output ?? '';
}

/** The text after the header rule of a text edition: the document's own text and notes. */
const textPart = (text: string): string => text.replace(/^[\s\S]*?\n-{20,}\n/, '').replace(/\s+/g, ' ').trim();
/** The visible words of an HTML page's <main>. */
const htmlWords = (html: string): string[] => words(xmlText(html.slice(html.indexOf('<main')).replace(/<[^>]+>/g, ' ')));

describe('notes where the block list does not expect them', () => {
  it.each([
    ['01-note-in-fw.xml', ['Leaves', 'narrow', 'space', 'Grass']],
    ['02-note-in-note.xml', ['outer', 'inner', 'end', 'more']],
    ['03-choice-in-note.xml', ['see', 'teh', 'the', 'book']],
    ['04-note-in-dictionary-sense.xml', ['greeting']],
  ])('%s renders in every view (footnote-number() was empty: XTTE0780), every word kept', (name, expected) => {
    for (const options of VIEWS) {
      const output = renderCase(name, options);
      const shown = options.to === 'html' ? htmlWords(output) : words(textPart(output));
      for (const word of expected) expect(shown, `${name} ${options.to} ${options.view ?? ''}`).toContain(word);
    }
  });

  it('a note inside a note stands in brackets where it is; a choice inside a note shows both forms', () => {
    expect(textPart(renderCase('02-note-in-note.xml', { to: 'text', view: 'reading' }))).toContain('[1] outer [inner] end');
    expect(textPart(renderCase('03-choice-in-note.xml', { to: 'text', view: 'reading' }))).toContain('[1] see teh [the] book');
    expect(textPart(renderCase('01-note-in-fw.xml', { to: 'text', view: 'reading' }))).toMatch(/^Leaves\[1\] of Grass\. x Notes \[1\] narrow space$/);
  });
});

describe('the command line and a reader that stops early', () => {
  it('`render … | head -1` ends quietly with the command\'s exit code (it ended with an unhandled "write EPIPE")', () => {
    const work = mkdtempSync(join(tmpdir(), 'teikit-epipe-'));
    const tei = join(work, 'long.xml');
    // A text edition far larger than a pipe's buffer, so the writer is still writing when head leaves.
    const paragraphs = Array.from({ length: 20000 }, (_, index) => `<p>Paragraph ${index} of a long document, with words enough to fill a line.</p>`).join('');
    writeFileSync(tei, `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Long</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>${paragraphs}</body></text></TEI>`);
    const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${ROOT}dist/cli/main.js" render "${tei}" --to text | head -1`], { encoding: 'utf8' });
    expect(run.stdout).toBe('LONG\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
