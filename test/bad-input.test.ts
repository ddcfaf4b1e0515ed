/** Bad input gets a clear diagnostic with a position, or a warning and still-valid TEI. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { REFERENCE_SOURCE, readText } from './helpers.js';

const reference = readText(REFERENCE_SOURCE);
const rules = (result: ReturnType<typeof convert>): string[] => result.diagnostics.map((diagnostic) => diagnostic.ruleId);

describe('bad input', () => {
  it('should refuse an empty file', () => {
    const result = convert('', { path: 'empty.txt' });
    expect(result.ok).toBe(false);
    expect(result.tei).toBeUndefined();
    expect(rules(result)).toEqual(['input/empty']);
  });

  it('should refuse a file of blank lines and no-break spaces', () => {
    expect(rules(convert('\n \u00A0\n\n', { path: 'blank.txt' }))).toEqual(['input/empty']);
  });

  it('should refuse a binary file, saying where the NUL byte is', () => {
    const result = convert(new Uint8Array([0x41, 0x0a, 0x42, 0x43, 0x00, 0xff]), { path: 'image.png' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'input/binary', place: { start: { line: 2, column: 3 } } });
  });

  it('should refuse invalid UTF-8 and give the line and column of the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('Title\n\nGood text é then '), Buffer.from([0xe9]), Buffer.from(' bad')]);
    const result = convert(bytes, { path: 'latin1.txt' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'input/encoding', place: { start: { line: 3, column: 18 } } });
    expect(result.diagnostics[0]?.note).toContain('iconv');
  });

  it('should convert a 20 MB record and keep its size', () => {
    const body = reference.slice(reference.indexOf('Opening the meeting'), reference.indexOf('The meeting ended'));
    const copies = Math.ceil((20 * 1024 * 1024) / body.length);
    const big = reference.replace(body, body.repeat(copies));
    const result = convert(big, { path: 'big.txt' });
    expect(result.ok).toBe(true);
    expect(result.tei!.length).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('should convert a record without "Document Information" with a warning', () => {
    const cut = reference.slice(0, reference.indexOf('Document Information'));
    const result = convert(cut, { path: 'cut.txt' });
    expect(result.ok).toBe(true);
    expect(rules(result)).not.toContain('layout/no-document-information');
    expect(rules(result)).toContain('layout/unknown');
    expect(result.tei).toContain('strongly urge the KWP Presidium');
  });

  it('should keep XML special characters and CDATA ends as text', () => {
    const source = reference.replace('Obviously it is necessary', 'Obviously <b>&amp;</b> ]]> "it" is necessary');
    const result = convert(source, { path: 'xml.txt' });
    expect(result.ok).toBe(true);
    expect(result.tei).toContain('Obviously &lt;b&gt;&amp;amp;&lt;/b&gt; ]]&gt; "it" is necessary');
    expect(convert(reference.replace('Obviously', 'A & B &#65;'), { path: 'amp.txt' }).tei).toContain('A &amp; B &amp;#65;');
  });

  it('should keep control characters as <g> with a warning at their position, and read a form feed as a page break', () => {
    const source = reference.replace('Obviously it is', 'Obviously\u0007 it\u000C is\u0001');
    const result = convert(source, { path: 'control.txt' });
    expect(result.ok).toBe(true);
    expect(result.tei).toContain('Obviously<g type="control" n="U+0007"/> it<pb/> is<g type="control" n="U+0001"/>');
    const warnings = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'input/control-character');
    expect(warnings.map((warning) => warning.place?.start.column)).toEqual([10, 18]);
  });

  it('should keep unbalanced and nested brackets as text with warnings', () => {
    const source = reference.replace('Obviously it is', 'Obviously [it [is]] and [open');
    const result = convert(source, { path: 'brackets.txt' });
    expect(result.ok).toBe(true);
    expect(rules(result)).toEqual(expect.arrayContaining(['brackets/nested', 'brackets/unbalanced']));
    expect(result.tei).toContain('Obviously [it [is]] and [open');
  });

  it('should read CRLF line breaks like LF', () => {
    const crlf = convert(reference.replace(/\n/g, '\r\n'), { path: 'reference.txt' });
    const lf = convert(reference, { path: 'reference.txt' });
    expect(crlf.tei).toBe(lf.tei);
    expect(rules(crlf)).toContain('input/line-breaks');
  });

  it('should read a file with a byte-order mark like one without', () => {
    const withBom = convert(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(REFERENCE_SOURCE)]), { path: 'reference.txt' });
    expect(withBom.tei).toBe(convert(reference, { path: 'reference.txt' }).tei);
  });

  it('should keep a speaker label followed by no speech as a paragraph, warning at that label', () => {
    const source = 'May 1, 1950\n\nTitle\n\nDescription\n\nCde. Ivanov\n\nHello.\n\nCde. Ivanov\n\nCde. Petrov. Hi.\n\nSummary.\n\nDocument Information\n\nRecord ID\n\n1\n';
    const result = convert(source, { path: 'labels.txt' });
    expect(result.ok).toBe(true);
    const warning = result.diagnostics.find((diagnostic) => diagnostic.ruleId === 'speakers/label-without-speech');
    expect(warning?.place?.start.line).toBe(11);
    expect(result.tei).toContain('<p xml:id="p2" n="2">Cde. <persName ref="#ivanov">Ivanov</persName></p>');
  });
});
