import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { REFERENCE_MANIFEST, REFERENCE_SOURCE, readText } from './helpers.js';

const source = readText(REFERENCE_SOURCE);
const withManifest = (manifest: string): ReturnType<typeof convert> =>
  convert(source, { path: 'source.txt', manifest: { text: manifest, path: 'edition.json' } });
const errors = (result: ReturnType<typeof convert>) => result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');

describe('edition manifest (edition.json)', () => {
  it('should report schema errors with their JSON pointer and position, and write no TEI', () => {
    const manifest = '{\n  "id": "x",\n  "edition": { "publisher": 5 },\n  "colour": "red"\n}\n';
    const result = withManifest(manifest);
    expect(result.ok).toBe(false);
    expect(result.tei).toBeUndefined();
    expect(result.diagnostics.map((diagnostic) => [diagnostic.pointer, diagnostic.place?.start.line, diagnostic.place?.start.column])).toEqual([
      ['/edition/publisher', 3, 29],
      ['/colour', 4, 13],
    ]);
    expect(result.diagnostics[1]?.reason).toContain('unknown property "colour"');
  });

  it('should report a JSON syntax error with its line and column', () => {
    const result = withManifest('{\n  "id": "x",\n}\n');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'manifest/syntax', place: { start: { line: 3, column: 1 } } });
  });

  it('should require a speaker for a speech override', () => {
    const result = withManifest('{ "id": "x", "blocks": [ { "block": 7, "as": "speech" } ] }');
    expect(result.diagnostics.map((diagnostic) => diagnostic.pointer)).toEqual(['/blocks/0']);
  });

  it('should refuse an override whose expected words no longer match the source', () => {
    const result = withManifest('{ "id": "x", "blocks": [ { "block": 7, "expect": "Something else", "as": "narrative" } ] }');
    expect(result.ok).toBe(false);
    expect(errors(result).map((diagnostic) => diagnostic.pointer)).toEqual(['/blocks/0/expect']);
    expect(errors(result)[0]?.reason).toContain('starts "Considering the advice');
  });

  it('should refuse an override naming an unknown speaker or a block outside the text', () => {
    const result = withManifest('{ "id": "x", "blocks": [ { "block": 7, "as": "speech", "speaker": "nobody" }, { "block": 999, "as": "narrative" } ] }');
    expect(errors(result).map((diagnostic) => diagnostic.pointer)).toEqual(['/blocks/0/speaker', '/blocks/1/block']);
  });

  it('should let an override move a block into another speech and say so in the report', () => {
    const result = withManifest('{ "id": "x", "blocks": [ { "block": 13, "as": "speech", "speaker": "mikoyan" } ] }');
    expect(result.ok).toBe(true);
    const decision = result.edition!.decisions.find((candidate) => candidate.block === 13);
    expect(decision).toMatchObject({ role: 'speech', speaker: 'mikoyan', ruleId: 'manifest/override', override: true });
    // Block 14 continues the speech that block 13 now belongs to.
    expect(result.edition!.decisions.find((candidate) => candidate.block === 14)).toMatchObject({ speaker: 'mikoyan' });
  });

  it('should validate the bundled manifest', () => {
    expect(withManifest(readText(REFERENCE_MANIFEST)).ok).toBe(true);
  });

  it('should refuse a person id that the edition uses for something else', () => {
    const result = withManifest('{ "id": "x", "persons": [ { "id": "p3", "name": "Somebody" }, { "id": "mikoyan", "name": "Kim Il Sung" } ] }');
    expect(errors(result).map((diagnostic) => [diagnostic.pointer, diagnostic.reason])).toEqual([
      ['/persons/0/id', 'The id "p3" is already used by the edition itself.'],
      ['/persons/1/id', 'The id "mikoyan" is already used by another person.'],
    ]);
  });
});
