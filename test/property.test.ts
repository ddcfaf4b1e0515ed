/** Random bracket and label text never crashes the converter and never loses a word. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { TEI_ALL, elementXml, isSubsequence, jing, teikitProblems, words, wordsWithoutMarkers, xmlText } from './helpers.js';

const token = fc.constantFrom(
  'word', 'Kim', 'Il', 'Sung', 'Cde.', 'Cdes.', 'Mikoyan', 'said', 'that', 'I', 'we', ':', '.', ',', '[', ']', '[SIC]',
  '[inserted by hand:', '[agitprom - SIC]', '[?]', '(a second time)', 'continued:', '&', '<', '>', ']]>', '"', '\u00A0',
  '\n', '\n\n', '\n\u00A0\n', 'were present', 'The meeting ended', 'Both', 'Паша', '金日成', '\t',
);
const paragraphText = fc.array(token, { minLength: 1, maxLength: 40 }).map((tokens) => tokens.join(' '));

/** A Wilson Center web record around random text, so that layout, labels and summary all run. */
const record = (body: string): string =>
  `September 20, 1956\n\nA Title\n\nA description\n\n\u00A0\n\n${body}\n\nThe summary.\n\nDocument Information\n\nSource\n\nGARF, Fond 1, Opis 2, Delo 3, Listy 4-5. Translated by A. Translator.\n\nRights\n\nSome rights.\n\nRecord ID\n\n1\n`;

describe('property: random text', () => {
  it('should never crash, and keep every word of a plain text in order', () => {
    fc.assert(
      fc.property(paragraphText, (text) => {
        const result = convert(`Title\n\n${text}`, { path: 'random.txt', layout: 'plain' });
        expect(result.ok).toBe(true);
        const teiWords = words(xmlText(elementXml(result.tei!, 'text')));
        expect(isSubsequence(wordsWithoutMarkers(`Title\n\n${text}`), teiWords)).toBe(true);
        expect(isSubsequence(teiWords, words(`Title ${text}`.replace(/[[\]]/g, '')))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('should never crash on a web record with random speeches, and keep every word', () => {
    fc.assert(
      fc.property(fc.array(paragraphText, { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const body = paragraphs.join('\n\n');
        const result = convert(record(body), { path: 'random.txt' });
        expect(result.ok).toBe(true);
        expect(isSubsequence(wordsWithoutMarkers(body), words(xmlText(result.tei!)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('should always give TEI that is valid against tei_all.rng and against teikit.rng with its rules', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'teikit-random-'));
    const samples = fc.sample(fc.array(paragraphText, { minLength: 1, maxLength: 6 }), { numRuns: 60, seed: 42 });
    const files = samples.map((paragraphs, index) => {
      const file = join(directory, `random-${index}.xml`);
      writeFileSync(file, convert(record(paragraphs.join('\n\n')), { path: 'random.txt' }).tei!);
      return file;
    });
    expect(jing(TEI_ALL, files)).toEqual([]);
    expect(await teikitProblems(files)).toEqual([]);
  });
});
