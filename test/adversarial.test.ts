/**
 * Adversarial sources (bench/adversarial.mjs): a long run of each character and token the
 * converter's regular expressions read, in each place they run, ending in a character that makes
 * a match fail. A pattern with overlapping quantifiers backtracks exponentially on such input and
 * never returns (vitest's time-out fails the test then); a quadratic one shows in
 * bench/security.mjs, which times the same sources ten times larger. Every conversion must end
 * with a TEI that keeps every word, or a clear error.
 */
import { describe, expect, it } from 'vitest';
import { adversarialSources } from '../bench/adversarial.mjs';
import { convert } from '../src/index.js';
import { elementXml, isSubsequence, teiWords, wordsWithoutMarkers } from './helpers.js';

describe('adversarial sources', () => {
  const sources = adversarialSources(2000);

  it('are many: every atom in every place', () => {
    expect(sources.length).toBeGreaterThan(200);
  });

  it.each(sources.map((source) => [source.name, source.text] as const))('%s: converted, every word kept', (_name, text) => {
    const result = convert(text, { path: 'adversarial.txt' });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    // A closing bracket ends a word on both sides: runs of markers ("[Page 1][Page 1]", "[SIC][SIC]") are not one long word.
    const apart = (value: string): string => value.replace(/\]/g, '] ');
    expect(isSubsequence(wordsWithoutMarkers(apart(text)), teiWords(apart(elementXml(result.tei ?? '', 'text'))))).toBe(true);
  });
});

it('5,000 [SIC] flags in a row are converted (each flagged the flag before it: nesting 4,000 deep overflowed the stack)', () => {
  const result = convert(`A Memorandum\n\n${'[SIC]'.repeat(5000)}x\n`, { path: 'flags.txt' });
  expect(result.ok).toBe(true);
  expect(result.tei).not.toMatch(/<sic><sic>/);
});
