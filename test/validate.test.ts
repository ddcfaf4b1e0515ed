/**
 * teikit validate: one invalid document per schema constraint and per rule, each checked for its
 * rule id and its position (the position is where the test put the fault, found by searching the
 * mutated text, not taken from the validator); real TEI of other projects; hostile input.
 */
import { readFileSync } from 'node:fs';
import { Schema } from 'node-schematron';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceFile } from '../src/diagnostics.js';
import { BUNDLED_SCHEMAS } from '../src/schemas.js';
import { compileSchema, compileTeikitSchema, validateDocument, TEI_RULES, type CompiledSchema, type ValidationResult } from '../src/validate/index.js';
import { REFERENCE_TEI, ROOT, FIXTURES, TEI_ALL, readText } from './helpers.js';

const reference = readText(REFERENCE_TEI);
let teikit: CompiledSchema;
let teiAll: CompiledSchema;

beforeAll(async () => {
  teikit = await compileTeikitSchema();
  teiAll = await compileSchema(TEI_ALL);
});

const validate = (text: string, schema = teikit, path = 'doc.xml'): ValidationResult =>
  validateDocument(new TextEncoder().encode(text), path, { schema, rules: schema === teikit ? ['generic', 'teikit'] : ['generic'] });

/** Line and column of the first occurrence of `marker` in `text` (1-based, as editors count). */
function positionOf(text: string, marker: string, from = 0): { line: number; column: number } {
  const offset = text.indexOf(marker, from);
  if (offset < 0) throw new Error(`marker not found: ${marker}`);
  const point = new SourceFile('x', text).point(offset);
  return { line: point.line, column: point.column };
}

/** Replace the first occurrence of `search` (which must exist) in the reference edition. */
function mutate(search: string, replacement: string, text = reference): string {
  expect(text.includes(search), `the reference edition holds ${search}`).toBe(true);
  return text.replace(search, replacement);
}

/** Rename the first <speaker> element, start and end tag. */
const renameSpeaker = (text = reference): string => mutate('</speaker>', '</speakr>', mutate('<speaker rend=', '<speakr rend=', text));

const problems = (result: ValidationResult) =>
  result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').map((diagnostic) => ({ rule: diagnostic.ruleId, line: diagnostic.place?.start.line, column: diagnostic.place?.start.column }));

describe('the reference edition', () => {
  it('should be valid against teikit.rng with every rule, without a single warning', () => {
    expect(problems(validate(reference))).toEqual([]);
  });

  it('should carry xml-model instructions for the RELAX NG schema and the Schematron rules', () => {
    expect(reference).toContain('<?xml-model href="../../schema/teikit.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>');
    expect(reference).toContain('<?xml-model href="../../schema/teikit.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>');
  });
});

/** Schema constraints: each mutation breaks one constraint of teikit.rng, at the marked place. */
const SCHEMA_CASES: { name: string; search: string; replacement: string; marker: string; rule: string }[] = [
  { name: 'an attribute the element does not take', search: '<sp xml:id="sp1" n="1"', replacement: '<sp xml:id="sp1" n="1" rend="bold"', marker: 'rend="bold"', rule: 'relaxng/attribute-not-allowed' },
  { name: 'a citable paragraph without its number', search: '<p xml:id="p1" n="1">', replacement: '<p xml:id="p1">', marker: '<p xml:id="p1">', rule: 'relaxng/attribute-missing' },
  { name: 'a speech without @who', search: '<sp xml:id="sp1" n="1" who="#kim-il-sung">', replacement: '<sp xml:id="sp1" n="1">', marker: '<sp xml:id="sp1" n="1">', rule: 'relaxng/attribute-missing' },
  { name: 'a @type outside the closed list', search: '<listPerson xml:id="group-1" type="attendance">', replacement: '<listPerson xml:id="group-1" type="delegation">', marker: 'type="delegation"', rule: 'relaxng/attribute-value' },
  { name: 'a paragraph number that is not a number', search: '<p xml:id="p1" n="1">', replacement: '<p xml:id="p1" n="one">', marker: 'n="one"', rule: 'relaxng/attribute-value' },
  { name: 'text where only elements may stand', search: '<revisionDesc>', replacement: '<revisionDesc>stray words', marker: 'stray words', rule: 'relaxng/text-not-allowed' },
];

describe('schema constraints (teikit.rng): rule id and position of each fault', () => {
  it('should report an element TEI does not have', () => {
    const text = renameSpeaker();
    expect(problems(validate(text))).toContainEqual({ rule: 'relaxng/element-not-allowed', ...positionOf(text, '<speakr ') });
  });

  for (const testCase of SCHEMA_CASES) {
    it(`should report ${testCase.name}`, () => {
      const text = mutate(testCase.search, testCase.replacement);
      const found = problems(validate(text));
      expect(found).toContainEqual({ rule: testCase.rule, ...positionOf(text, testCase.marker) });
    });
  }

  it('should report a missing required header part (availability) at its parent', () => {
    const text = reference.replace(/<availability>[\s\S]*?<\/availability>\n\s*/, '');
    const found = problems(validate(text));
    expect(found).toContainEqual({ rule: 'relaxng/element-missing', ...positionOf(text, '<publicationStmt>') });
  });

  it('should report every error of a file at once, not only the first', () => {
    const text = renameSpeaker(mutate('<sp xml:id="sp1" n="1"', '<sp xml:id="sp1" n="1" rend="bold"'));
    const rules = problems(validate(text)).map((problem) => problem.rule);
    expect(rules).toEqual(expect.arrayContaining(['relaxng/element-not-allowed', 'relaxng/attribute-not-allowed']));
  });

  it('should say what would have been allowed', () => {
    const text = renameSpeaker();
    const error = validate(text).diagnostics.find((diagnostic) => diagnostic.ruleId === 'relaxng/element-not-allowed');
    expect(error?.reason).toBe('Tag not allowed here: speakr.');
    expect(error?.note).toContain('<speaker>');
  });
});

/** Rules: each mutation breaks one rule; the fault is at the marked place. */
const RULE_CASES: { rule: string; search: string; replacement: string; marker: string; severity?: 'warning' }[] = [
  { rule: 'tei/id-unique', search: '<p xml:id="p2" n="2">', replacement: '<p xml:id="p1" n="2">', marker: 'xml:id="p1" n="2"' },
  { rule: 'tei/pointer-resolves', search: '<sp xml:id="sp1" n="1" who="#kim-il-sung">', replacement: '<sp xml:id="sp1" n="1" who="#kim-ir-sen">', marker: 'who="#kim-ir-sen"' },
  { rule: 'tei/date-iso', search: '<docDate when="1956-09-20">', replacement: '<docDate when="20.09.1956">', marker: 'when="20.09.1956"' },
  { rule: 'teikit/add-hand-declared', search: '<add hand="#', replacement: '<add hand="#pencil-', marker: '<add hand="#pencil-' },
  { rule: 'teikit/header-translator', search: '<resp>Translated by</resp>', replacement: '<resp>Compiled by</resp>', marker: '<titleStmt>', severity: 'warning' },
  { rule: 'teikit/header-source', search: reference.slice(reference.indexOf('<sourceDesc>'), reference.indexOf('</sourceDesc>')), replacement: '<sourceDesc><bibl xml:id="online-record" type="online"><title/></bibl>', marker: '<sourceDesc>' },
  { rule: 'teikit/header-availability', search: reference.slice(reference.indexOf('<availability>'), reference.indexOf('</availability>')), replacement: '<availability><licence target="https://example.org/"/>', marker: '<availability>' },
];

describe('rules: rule id, severity and position of each fault', () => {
  it('should have one case here for every rule of the rule set', () => {
    expect(RULE_CASES.map((testCase) => testCase.rule).sort()).toEqual(TEI_RULES.map((rule) => rule.id).filter((id) => id !== 'teikit/sp-who').sort());
  });

  for (const testCase of RULE_CASES) {
    it(`should report ${testCase.rule}`, () => {
      const text = mutate(testCase.search, testCase.replacement);
      const diagnostic = validate(text).diagnostics.find((candidate) => candidate.ruleId === testCase.rule);
      expect(diagnostic, `${testCase.rule} reported`).toBeDefined();
      expect({ line: diagnostic?.place?.start.line, column: diagnostic?.place?.start.column }).toEqual(positionOf(text, testCase.marker));
      expect(diagnostic?.severity).toBe(testCase.severity ?? 'error');
      expect(diagnostic?.note, 'says how to fix it').toMatch(/\w+/);
    });
  }

  it('should report teikit/sp-who on TEI that another schema lets through', async () => {
    const text = mutate('<sp xml:id="sp1" n="1" who="#kim-il-sung">', '<sp xml:id="sp1" n="1">');
    const result = validateDocument(new TextEncoder().encode(text), 'doc.xml', { schema: teiAll, rules: ['generic', 'teikit'] });
    const found = problems(result);
    expect(found).toContainEqual({ rule: 'teikit/sp-who', ...positionOf(text, '<sp xml:id="sp1" n="1">') });
  });
});

describe('teikit.sch says the same as the TypeScript rules', () => {
  const schematron = Schema.fromString(readFileSync(BUNDLED_SCHEMAS.sch, 'utf8'));
  const cases = [
    ...RULE_CASES.map((testCase) => ({ name: testCase.rule, text: mutate(testCase.search, testCase.replacement) })),
    { name: 'teikit/sp-who', text: mutate('<sp xml:id="sp1" n="1" who="#kim-il-sung">', '<sp xml:id="sp1" n="1">') },
    { name: 'the valid reference edition', text: reference },
  ];
  for (const testCase of cases) {
    it(`should find the same rules broken in the case ${testCase.name}`, () => {
      const fromSchematron = new Set(schematron.validateString(testCase.text).map((result) => result.assertId));
      const result = validateDocument(new TextEncoder().encode(testCase.text), 'doc.xml', { schema: teiAll, rules: ['generic', 'teikit'] });
      const fromTypeScript = new Set(result.diagnostics.filter((diagnostic) => diagnostic.source === 'teikit:rules').map((diagnostic) => diagnostic.ruleId));
      expect([...fromSchematron].sort()).toEqual([...fromTypeScript].sort());
    });
  }
});

describe('the translator rule applies to translations only', () => {
  const english = readText(`${ROOT}editions/frus-1949v09-d550/frus-1949v09-d550.xml`);
  const translatorWarnings = (text: string) => validate(text).diagnostics.filter((diagnostic) => diagnostic.ruleId === 'teikit/header-translator');

  it('should not ask for a translator where the header says the text is in its original language', () => {
    expect(english).toContain('<textLang mainLang="en">English</textLang>');
    expect(english).toContain('<language ident="en">English</language>');
    expect(translatorWarnings(english)).toEqual([]);
  });

  it('should ask for one where the original language is another or not declared', () => {
    expect(translatorWarnings(english.replace('<textLang mainLang="en">English</textLang>', '<textLang mainLang="ru">Russian</textLang>'))).toHaveLength(1);
    expect(translatorWarnings(english.replace(/<textLang [^>]*>English<\/textLang>/, ''))).toHaveLength(1);
  });
});

describe('other archives\' TEI against tei_all.rng (findings as jing reports them, test/fixtures/README.md)', () => {
  const foreign = (name: string) => `${FIXTURES}foreign/${name}`;
  const check = (name: string) => validateDocument(readFileSync(foreign(name)), name, { schema: teiAll, rules: [] });
  const errorLines = (result: ValidationResult) => result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.place?.start.line);

  it.each(['parlamint-es-ga-2019-04-29-DSPG111.xml', 'rusdracor-chekhov-medved.xml', 'rusdracor-pushkin-mocart-i-saleri.xml', 'escher-briefe-K_6057-an-roggenbach-1865-07-29.xml', 'isicily-ISic000715-epidoc.xml'])(
    'should find %s valid, as jing does',
    (name) => {
      expect(errorLines(check(name))).toEqual([]);
    },
  );

  it('should find the four errors jing finds in the Schnitzler letter, on the same lines', () => {
    const result = check('schnitzler-briefe-L02119-adam-an-schnitzler-1913-04-15.xml');
    expect(errorLines(result)).toEqual([1, 117, 121, 141]);
    expect(result.diagnostics[0]?.reason).toContain('schemaLocation');
  });

  it('should find the publicationStmt error jing finds in the FRUS files', () => {
    const result = check('hsg-frus-history-1980-rereview-documents.xml');
    expect(errorLines(result)).toContain(11);
    // As jing says it: "element "date" not allowed yet; expected element "ab", "authority", "distributor", "p" or "publisher"".
    const error = result.diagnostics.find((diagnostic) => diagnostic.place?.start.line === 11);
    expect(error?.reason).toBe('Tag not allowed yet: date (what must come before it is missing).');
    expect(error?.note).toBe('Allowed here: <ab>, <authority>, <distributor>, <p>, <publisher>.');
  });

  it('should report a duplicate xml:id once, by the rule (jing reports it twice, as the schema\'s ID type)', () => {
    const text = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader><text><body><p xml:id="a">x</p><p xml:id="a">y</p></body></text></TEI>';
    const result = validateDocument(new TextEncoder().encode(text), 'dup.xml', { schema: teiAll, rules: ['generic'] });
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['tei/id-unique']);
    expect(result.diagnostics[0]?.place?.start.column).toBe(text.lastIndexOf('xml:id="a"') + 1);
  });

  it('should report the ParlaMint pointers that dangle (their persons live in the corpus root file)', () => {
    const result = validateDocument(readFileSync(foreign('parlamint-es-ga-2019-04-29-DSPG111.xml')), 'parlamint.xml', { schema: teiAll, rules: ['generic'] });
    const dangling = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'tei/pointer-resolves');
    expect(dangling.length).toBeGreaterThan(20);
    expect(dangling[0]?.reason).toContain('#SantalicesMiguelÁngel');
  });
});

describe('hostile and broken input', () => {
  // Shared with bench/security.mjs, which measures how fast they are refused.
  const billionLaughs = readText(`${ROOT}test/fixtures/hostile/entity-bomb.xml`);
  const xxe = readText(`${ROOT}test/fixtures/hostile/external-entity.xml`);

  it('should reject an entity-expansion bomb at its first declaration, before any expansion', () => {
    // Timing is measured in bench/, not asserted here; that the first declaration is the
    // place reported shows that the parser stopped there.
    const result = validate(billionLaughs);
    expect(problems(result)).toEqual([{ rule: 'xml/entity-declaration', ...positionOf(billionLaughs, '<!ENTITY') }]);
  });

  it('should reject an external entity (XXE) without reading it', () => {
    const result = validate(xxe);
    expect(problems(result)).toEqual([{ rule: 'xml/entity-declaration', ...positionOf(xxe, '<!ENTITY') }]);
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('should say that a text file is not XML', () => {
    expect(problems(validate('Record of a meeting\n'))).toEqual([{ rule: 'xml/not-xml', line: 1, column: 1 }]);
  });

  it('should point at the place where the XML stops being well-formed', () => {
    const text = mutate('</speaker>', '</speeker>');
    const [problem] = problems(validate(text));
    expect(problem?.rule).toBe('xml/not-well-formed');
    expect(problem?.line).toBe(positionOf(text, '</speeker>').line);
  });

  it('should validate an edition.json as a manifest, with JSON pointer and position', () => {
    const manifest = '{\n  "id": "x",\n  "persons": [{ "name": 3 }]\n}\n';
    const result = validateDocument(new TextEncoder().encode(manifest), 'edition.json', { schema: teikit, rules: [] });
    expect(result.kind).toBe('manifest');
    expect(result.valid).toBe(false);
    expect(result.diagnostics[0]?.place?.start.line).toBe(3);
  });
});
