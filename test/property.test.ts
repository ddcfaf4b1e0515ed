/** Random bracket and label text never crashes the converter and never loses a word. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { TEI_ALL, corpusFiles, elementXml, isSubsequence, jing, teiWords, teikitProblems, words, wordsWithoutMarkers } from './helpers.js';

// Fixed seed, so that CI runs the same cases every time; FC_SEED=<n> npm test explores others.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 42) });

const token = fc.constantFrom(
  'word', 'Kim', 'Il', 'Sung', 'Cde.', 'Cdes.', 'Mikoyan', 'said', 'that', 'I', 'we', ':', '.', ',', '[', ']', '[SIC]',
  '[Page 12]', '[...]', '[by?]', '[SIC, plural]', '[handwritten in the margin: "Yes"]', '[Translator\'s note: x]', '\f',
  'President:', 'G:', 'Sir:', 'Respectfully yours,', '[Enclosure 1]', 'Participants:', 'Also present:', '87', 'CAT,87',
  '[inserted by hand:', '[agitprom - SIC]', '[?]', '(a second time)', 'continued:', '&', '<', '>', ']]>', '"', '\u00A0',
  '\n', '\n\n', '\n\u00A0\n', 'were present', 'The meeting ended', 'Both', 'Паша', '金日成', '\t',
);
const paragraphText = fc.array(token, { minLength: 1, maxLength: 40 }).map((tokens) => tokens.join(' '));

/** A Wilson Center web record around random text, so that layout, labels and summary all run. */
const record = (body: string): string =>
  `September 20, 1956\n\nA Title\n\nA description\n\n\u00A0\n\n${body}\n\nThe summary.\n\nDocument Information\n\nSource\n\nGARF, Fond 1, Opis 2, Delo 3, Listy 4-5. Translated by A. Translator.\n\nRights\n\nSome rights.\n\nRecord ID\n\n1\n`;

/** The other layouts' headers around random text: a PDF export and a FRUS document with a note. */
const pdfExport = (body: string): string =>
  `Digital Archive digitalarchive.wilsoncenter.org\nInternational History Declassified\n\nJune 18, 1949\nA Title\n\nCitation:\n“A Title,” June 18, 1949, History and Public Policy Program Digital Archive, RGASPI, f. 1, op. 2, d. 3, ll. 4-5. Translated by A. Translator.\nhttp://digitalarchive.wilsoncenter.org/document/1\n\nSummary:\nA summary.\n\nOriginal Language:\nRussian\n\nContents:\n English Translation\n\n${body}\n`;
const frusDocument = (body: string): string =>
  `893.00/1–149\n\n[Document 7]\n\nA Title\n\n[Washington,] May 11, 1949.\n\nParticipants: Dean Rusk, Assistant Secretary\nPhilip Sprouse\n\n${body} the end.87\n\n87. A note.\n`;

describe('property: random text', () => {
  it('should never crash, and keep every word of a plain text in order', () => {
    fc.assert(
      fc.property(paragraphText, (text) => {
        const result = convert(`Title\n\n${text}`, { path: 'random.txt', layout: 'plain' });
        expect(result.ok).toBe(true);
        const textWords = teiWords(elementXml(result.tei!, 'text'));
        expect(isSubsequence(wordsWithoutMarkers(`Title\n\n${text}`), textWords)).toBe(true);
        expect(isSubsequence(textWords, words(`Title ${text}`.replace(/[[\]]/g, '')))).toBe(true);
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
        expect(isSubsequence(wordsWithoutMarkers(body), teiWords(result.tei!))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['a PDF export', pdfExport, 'wilson-pdf'],
    ['a FRUS document', frusDocument, 'frus'],
  ] as const)('should never crash on %s with random text, and keep every word', (_, wrap, layout) => {
    fc.assert(
      fc.property(fc.array(paragraphText, { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const source = wrap(paragraphs.join('\n\n'));
        const result = convert(source, { path: 'random.txt' });
        expect(result.ok).toBe(true);
        expect(result.report?.layout).toBe(layout);
        expect(isSubsequence(wordsWithoutMarkers(source), teiWords(result.tei!))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('should never crash on corpus documents cut anywhere or with blocks shuffled, and keep every word', () => {
    const documents = corpusFiles().map((path) => readFileSync(path, 'utf8'));
    const variant = fc.record({ document: fc.nat(documents.length - 1), cut: fc.double({ min: 0, max: 1, noNaN: true }), fromStart: fc.boolean(), swaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }) });
    fc.assert(
      fc.property(variant, ({ document, cut, fromStart, swaps }) => {
        const text = documents[document] ?? '';
        const at = Math.floor(cut * text.length);
        const blocks = (fromStart ? text.slice(0, at) : text.slice(at)).split(/\n[ \t\u00A0]*\n/);
        for (const [a, b] of swaps) {
          const i = a % blocks.length;
          const j = b % blocks.length;
          [blocks[i], blocks[j]] = [blocks[j] ?? '', blocks[i] ?? ''];
        }
        const source = blocks.join('\n\n');
        const result = convert(source, { path: 'cut.txt' });
        if (source.trim() === '') return;
        expect(result.ok).toBe(true);
        expect(isSubsequence(wordsWithoutMarkers(source), teiWords(result.tei!))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('should always give TEI that is valid against tei_all.rng and against teikit.rng with its rules', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'teikit-random-'));
    const samples = fc.sample(fc.array(paragraphText, { minLength: 1, maxLength: 6 }), { numRuns: 60, seed: 42 });
    const files = samples.flatMap((paragraphs, index) =>
      [record, pdfExport, frusDocument].map((wrap, kind) => {
        const file = join(directory, `random-${index}-${kind}.xml`);
        writeFileSync(file, convert(wrap(paragraphs.join('\n\n')), { path: 'random.txt' }).tei!);
        return file;
      }),
    );
    expect(jing(TEI_ALL, files)).toEqual({ validated: 180, errors: [] });
    // The FRUS skeleton names no translator (as FRUS documents often do not): that warning is right.
    const problems = await teikitProblems(files);
    expect(problems.filter((problem) => !(/-2\.xml:/.test(problem) && problem.includes('[teikit/header-translator]')))).toEqual([]);
  });
});
