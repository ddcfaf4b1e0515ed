import { describe, expect, it } from 'vitest';
import * as teikit from '../src/index.js';

describe('library API', () => {
  it('should export exactly the documented functions and tables', () => {
    expect(Object.keys(teikit).sort()).toEqual([
      'ATTRIBUTION_RULES',
      'BRACKET_CONVENTIONS',
      'InputError',
      'LAYOUTS',
      'SourceFile',
      'TEIKIT_VERSION',
      'buildEdition',
      'convert',
      'decodeSource',
      'formatDiagnostic',
      'formatReport',
      'parseBrackets',
      'parseManifest',
      'readSource',
      'readSpeakerLabel',
      'serializeTei',
      'sortDiagnostics',
    ]);
  });

  it('should chain the stages to the same result as convert()', () => {
    const text = 'September 20, 1956\n\nTitle\n\nCde. Ivanov. Hello [world].\n\nSummary.\n\nDocument Information\n\nRecord ID\n\n7\n';
    const file = teikit.decodeSource(new TextEncoder().encode(text), 'x.txt');
    const { edition } = teikit.buildEdition(teikit.readSource(file), file, 'x');
    expect(teikit.serializeTei(edition)).toBe(teikit.convert(text, { path: 'x.txt' }).tei);
  });
});
