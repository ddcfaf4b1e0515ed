/**
 * The TEI keeps every character of the source: undoing the documented conventions on the
 * TEI's <text> gives back the source's text, character for character (whitespace folded).
 * The reverse mapping is written here from ENCODING.md, independently of the converter.
 */
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { REFERENCE_MANIFEST, REFERENCE_SOURCE, elementXml, readText, xmlText } from './helpers.js';

/** The source's text as the TEI's <text> should hold it, from its conventions. */
function sourceFromTei(tei: string): string {
  const text = elementXml(tei, 'text')
    .replace(/<note type="original-form"[^>]*><sic>([^<]*)<\/sic><\/note>/g, '[$1 - SIC]')
    .replace(/<supplied[^>]*>/g, '[')
    .replace(/<\/supplied>/g, ']')
    .replace(/<add [^>]*>/g, '[inserted by hand: ')
    .replace(/<\/add>/g, ']')
    .replace(/<sic>(.*?)<\/sic>/g, '$1 [SIC]')
    .replace(/<g type="control" n="U\+([0-9A-F]{4})"\/>/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
  return xmlText(text);
}

const fold = (text: string): string => text.replace(/[\s\u00A0]+/g, ' ').trim();

describe('round trip: source → TEI → source', () => {
  it('should give back the reference document\'s text, character for character', () => {
    const source = readText(REFERENCE_SOURCE);
    const tei = convert(source, { path: 'source.txt', manifest: { text: readText(REFERENCE_MANIFEST), path: 'edition.json' } }).tei!;
    const start = source.indexOf('September 20, 1956');
    const end = source.indexOf('Both Mikoyan and Peng Dehuai strongly urge');
    expect(fold(sourceFromTei(tei))).toBe(fold(source.slice(start, end)));
  });

  it('should give back a text full of special cases', () => {
    const body = [
      'Cde. Ivanov. A <b>&amp;</b> ]]> "q" \u0007 end [inserted by hand: the [CC] plenum] and [unbalanced',
      'Cde. Ivanov continued: her [SIC] word [x - SIC] organization[s] [[nested]] ] stray',
    ].join('\n\n');
    const source = `May 1, 1950\n\nA Title\n\nA description\n\n${body}\n\nSummary.\n\nDocument Information\n\nRecord ID\n\n1\n`;
    const tei = convert(source, { path: 'special.txt' }).tei!;
    expect(fold(sourceFromTei(tei))).toBe(fold(source.slice(0, source.indexOf('Summary.'))));
  });
});
