import { readFileSync } from 'node:fs';
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

  it('should offer validate and render as their own entry points (teikit/validate, teikit/render)', async () => {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, { import: string }> };
    expect(Object.keys(packageJson.exports)).toEqual(['.', './validate', './render']);
    const validate = await import('../src/validate/index.js');
    expect(Object.keys(validate).sort()).toEqual(['SchemaError', 'TEI_RULES', 'compileSchema', 'compileTeikitSchema', 'detectKind', 'validateDocument', 'validateFile']);
    const render = await import('../src/render/index.js');
    expect(Object.keys(render).sort()).toEqual(['RENDER_TARGETS', 'TEXT_VIEWS', 'readPersons', 'render', 'renderEach']);
  });

  it('should chain the stages to the same result as convert()', () => {
    const text = 'September 20, 1956\n\nTitle\n\nCde. Ivanov. Hello [world].\n\nSummary.\n\nDocument Information\n\nRecord ID\n\n7\n';
    const file = teikit.decodeSource(new TextEncoder().encode(text), 'x.txt');
    const { edition } = teikit.buildEdition(teikit.readSource(file), file, 'x');
    expect(teikit.serializeTei(edition)).toBe(teikit.convert(text, { path: 'x.txt' }).tei);
  });
});
