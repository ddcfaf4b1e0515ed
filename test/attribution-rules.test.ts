/**
 * The attribution rules are data: each one's examples are run here, so the rule list, what the
 * editorialDecl states and what the converter does cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_RULES, convert } from '../src/index.js';

describe('attribution rules', () => {
  it('should have unique ids and an example for every rule the layouts of plain text can show', () => {
    const ids = ATTRIBUTION_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The archive's summary exists only in a web record; it is tested on the reference edition.
    expect(ATTRIBUTION_RULES.filter((rule) => rule.examples.length === 0).map((rule) => rule.id)).toEqual(['summary/last-before-metadata']);
    expect(ids.at(-1)).toBe('narrative/default');
  });

  for (const rule of ATTRIBUTION_RULES) {
    for (const example of rule.examples) {
      it(`${rule.id}: should decide "${example.block}" as ${example.role}${example.speaker ? ` by ${example.speaker}` : ''}`, () => {
        const manifest = example.manifest ? { manifest: { text: JSON.stringify(example.manifest), path: 'edition.json' } } : {};
        const result = convert(new TextEncoder().encode(example.source), { path: 'example.txt', ...manifest });
        expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
        const decision = result.report?.decisions.find((candidate) => candidate.firstWords.startsWith(example.block));
        expect(decision, `no block starts "${example.block}"`).toBeDefined();
        expect({ rule: decision?.ruleId, role: decision?.role, speaker: decision?.speaker }).toEqual({ rule: rule.id, role: example.role, speaker: example.speaker });
      });
    }
  }

  it('should state in the editorialDecl the rules that decided a block, in the order they are tried, and no other', () => {
    const result = convert(new TextEncoder().encode('A Record\n\nCde. Mikoyan: We agree.\n\nThis is our view.\n\nThe meeting ended at 6 p.m.\n'), { path: 'x.txt' });
    const stated = [...(result.tei ?? '').matchAll(/<p n="((?:label|speech|narrative|letter|page|attendance|summary|manifest)\/[^"]+)">/g)].map((match) => match[1]);
    expect(stated).toEqual(['label/inline', 'narrative/meeting-event', 'speech/continuation', 'narrative/default'].filter((id) => id !== 'narrative/default' || stated.includes(id)));
    expect(stated).toEqual(ATTRIBUTION_RULES.map((rule) => rule.id).filter((id) => stated.includes(id)));
  });
});
