/**
 * teikit's RELAX NG validator (src/validate/rng/) against jing, the reference implementation of
 * the same algorithm: for every file, the same verdict and the same elements in error. Files:
 * every foreign TEI fixture, the bundled editions and the corpus conversions (against tei_all and
 * teikit.rng), 200 random documents, and one mutated document per schema construct. jing runs
 * once per schema for all files (one JVM).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { SourceFile } from '../src/diagnostics.js';
import { compileSchema, type CompiledSchema } from '../src/validate/index.js';
import { parseXml } from '../src/xml/parse.js';
import { FIXTURES, REFERENCE_TEI, ROOT, TEI_ALL, corpusFiles, jing } from './helpers.js';

const TEIKIT_RNG = `${ROOT}schema/teikit.rng`;

interface Case {
  name: string;
  text: string;
  schema: 'tei_all' | 'teikit';
}

/** Each element's start offset, where its start tag ends, and where it ends (after its end tag). */
function elementRanges(text: string): { start: number; tagEnd: number; end: number }[] {
  const ranges: { start: number; tagEnd: number; end: number }[] = [];
  const open: number[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let tagStart = 0;
  parser.on('opentagstart', () => {
    // saxes has read "<name" when it says so: the tag starts where the last "<" before it is.
    tagStart = text.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    ranges.push({ start: tagStart, tagEnd: parser.position, end: parser.position });
    if (tag.isSelfClosing) return;
    open.push(ranges.length - 1);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const index = open.pop();
    if (index !== undefined) ranges[index]!.end = parser.position;
  });
  parser.write(text).close();
  return ranges;
}

/** The innermost element around an offset (an attribute's, a text's; a text ending where a tag starts is its parent's). */
function innermost(ranges: ReturnType<typeof elementRanges>, offset: number, startsInside = true): number {
  let inner = -1;
  ranges.forEach((range, index) => {
    if ((startsInside ? range.start <= offset : range.start < offset) && offset < range.end && (inner < 0 || range.start >= ranges[inner]!.start)) inner = index;
  });
  return inner < 0 ? -1 : ranges[inner]!.start;
}

/** The element teikit's offset is about: the one that starts there (its "<"), else the innermost one around it. */
function teikitElementAt(ranges: ReturnType<typeof elementRanges>, offset: number): number {
  return ranges.some((range) => range.start === offset) ? offset : innermost(ranges, offset);
}

/** The element jing's position is about: jing (SAX) reports where a start or end tag ends, or inside a text. */
function jingElementAt(ranges: ReturnType<typeof elementRanges>, offset: number): number {
  const byTag = ranges.findIndex((range) => range.tagEnd === offset);
  if (byTag >= 0) return ranges[byTag]!.start;
  const byEnd = ranges.findIndex((range) => range.end === offset);
  if (byEnd >= 0) return ranges[byEnd]!.start;
  // A text is checked (and reported) where SAX ends it: at most where the next tag starts.
  return innermost(ranges, offset, false);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  return starts;
}

/** The elements (by start offset) teikit's validator finds in error. */
function teikitElements(text: string, schema: CompiledSchema): Set<number> {
  const file = new SourceFile('case.xml', text);
  const document = parseXml(file);
  const ranges = elementRanges(text);
  return new Set(schema.validator.validate(document.root).map((problem) => teikitElementAt(ranges, problem.offset)));
}

/** The elements jing finds in error, per file, from its line:column positions. */
function jingElements(cases: readonly Case[], schema: string): Set<number>[] {
  const folder = mkdtempSync(join(tmpdir(), 'teikit-jing-'));
  const files = cases.map((testCase, index) => {
    const path = join(folder, `case-${index}.xml`);
    writeFileSync(path, testCase.text);
    return path;
  });
  const run = jing(schema, files);
  expect(run.validated).toBe(cases.length);
  return cases.map((testCase, index) => {
    const ranges = elementRanges(testCase.text);
    const starts = lineStarts(testCase.text);
    // Uniqueness of xml:id is the rules' (tei/id-unique, with a note on how to fix it), not the schema's.
    return new Set(run.errors.filter((error) => error.file === files[index] && !/^(duplicate ID |ID ".*" has already been defined|first occurrence of ID )/.test(error.message)).map((error) => jingElementAt(ranges, (starts[error.line - 1] ?? 0) + error.column - 1)));
  });
}

const describeElements = (text: string, offsets: Set<number>): string[] =>
  [...offsets].sort((a, b) => a - b).map((offset) => `${text.slice(0, offset).split('\n').length}:${text.slice(offset, offset + 40).split(/[\s>]/)[0]}`);

const xmlFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.xml'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

/** Attributes with one value per name (a repeated name is not well-formed). */
const attributesOnce = (attributes: readonly string[]): string => [...new Map(attributes.map((attribute) => [attribute.split('=')[0], attribute])).values()].join('');

/** A random TEI document of common elements, attributes (valid and invalid values) and text. */
const randomDocument = (() => {
  const word = fc.constantFrom('word', 'Kim Il Sung', '1956', ' ', '', 'x&amp;y', 'über', '金');
  const attribute = fc.constantFrom(
    ' n="1"', ' n=""', ' rend="bold"', ' xml:id="a1"', ' xml:id="1a"', ' when="1956-09-20"', ' when="1956-13-45"', ' when="20.09.1956"',
    ' type="x y"', ' type=""', ' ref="#p"', ' ref="a b"', ' xml:lang="en"', ' xml:lang="e n"', ' cols="2"', ' cols="-1"', ' foo="bar"', ' hand="#h"',
  );
  const inlineName = fc.constantFrom('hi', 'persName', 'date', 'note', 'supplied', 'sic', 'add', 'name', 'foreign', 'q', 'ref', 'lb', 'pb', 'num', 'seg', 'w', 'bogus');
  const blockName = fc.constantFrom('p', 'ab', 'sp', 'list', 'head', 'lg', 'table', 'quote', 'div', 'fw', 'stage');
  const inline: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      word,
      fc.tuple(inlineName, fc.array(attribute, { maxLength: 2 }), fc.array(tie('node'), { maxLength: 3 })).map(([name, attributes, children]) => `<${name}${attributesOnce(attributes)}>${children.join('')}</${name}>`),
    ),
  })).node;
  const block = fc.tuple(blockName, fc.array(attribute, { maxLength: 2 }), fc.array(inline, { maxLength: 4 }), fc.boolean()).map(([name, attributes, children, wrap]) => {
    const content = name === 'sp' ? `<speaker>${children.join('')}</speaker><p>${children.join('')}</p>` : name === 'list' ? `<item>${children.join('')}</item>` : name === 'lg' ? `<l>${children.join('')}</l>` : name === 'table' ? `<row><cell>${children.join('')}</cell></row>` : name === 'div' ? `<p>${children.join('')}</p>` : children.join('');
    const element = `<${name}${attributesOnce(attributes)}>${content}</${name}>`;
    return wrap ? `\n  ${element}` : element;
  });
  return fc.array(block, { minLength: 0, maxLength: 6 }).map((blocks) =>
    `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader><text><body>${blocks.join('')}</body></text></TEI>`);
})();

/** One change per schema construct, to the reference edition (against tei_all). */
const reference = readFileSync(REFERENCE_TEI, 'utf8');
const MUTATIONS: [string, string | RegExp, string][] = [
  ['a missing required child (titleStmt without its titles)', /<title type="main">[^<]*<\/title>\s*<title type="sub">[^<]*<\/title>/, ''],
  ['a wrong attribute value (a closed list)', '<listPerson xml:id="group-1" type="attendance">', '<listPerson xml:id="group-1" type="attendance" sameAs="a b"><idno type="x"/>'],
  ['an element out of order inside an interleave-like content (teiHeader before fileDesc)', '<encodingDesc>', '<fileDesc/><encodingDesc>'],
  ['a bad datatype value (a date)', '<docDate when="1956-09-20">', '<docDate when="1956-02-30">'],
  ['text where none is allowed', '<revisionDesc>', '<revisionDesc>stray words'],
  ['an unknown namespace', '<revisionDesc>', '<revisionDesc><x:change xmlns:x="urn:unknown"/>'],
  ['an attribute of an unknown namespace', '<revisionDesc>', '<revisionDesc xmlns:x="urn:unknown" x:flag="1">'],
  ['a required attribute missing (language without @ident)', '<profileDesc>', '<profileDesc><langUsage><language>English</language></langUsage>'],
  ['an attribute value that is not a number', '<p xml:id="p1" n="1">', '<p xml:id="p1" n="1" cert="maybe">'],
  ['an empty element that needs content', '<publicationStmt>', '<publicationStmt><availability/>'],
];

const cases: Case[] = [];
let schemas: { tei_all: CompiledSchema; teikit: CompiledSchema };

beforeAll(async () => {
  schemas = { tei_all: await compileSchema(TEI_ALL), teikit: await compileSchema(TEIKIT_RNG) };
});

describe('teikit\'s RELAX NG validator against jing', () => {
  const foreign = xmlFiles(`${FIXTURES}foreign`).map((path) => ({ name: path.slice(FIXTURES.length), text: readFileSync(path, 'utf8'), schema: 'tei_all' as const }));
  const editions = [REFERENCE_TEI, ...xmlFiles(`${ROOT}editions`).filter((path) => path !== REFERENCE_TEI)].map((path) => ({ name: path.slice(ROOT.length), text: readFileSync(path, 'utf8') }));
  const converted = corpusFiles().map((path) => ({ name: path.split('/').pop()!, text: convert(readFileSync(path), { path }).tei ?? '' }));
  const random = fc.sample(randomDocument, { numRuns: 200, seed: 7 }).map((text, index) => ({ name: `random ${index}`, text, schema: 'tei_all' as const }));
  const mutated = MUTATIONS.map(([name, search, replacement]) => ({ name, text: reference.replace(search, replacement), schema: 'tei_all' as const }));
  cases.push(
    ...foreign,
    ...[...editions, ...converted].flatMap((document) => [{ ...document, schema: 'tei_all' as const }, { ...document, schema: 'teikit' as const }]),
    ...random,
    ...mutated,
  );

  it('should find the same elements in error as jing, in every file (and so give the same verdict)', () => {
    const disagreements: string[] = [];
    for (const schema of ['tei_all', 'teikit'] as const) {
      const these = cases.filter((testCase) => testCase.schema === schema);
      const fromJing = jingElements(these, schema === 'tei_all' ? TEI_ALL : TEIKIT_RNG);
      these.forEach((testCase, index) => {
        const ours = teikitElements(testCase.text, schemas[schema]);
        const theirs = fromJing[index]!;
        const same = ours.size === theirs.size && [...ours].every((offset) => theirs.has(offset));
        if (!same && process.env.TEIKIT_JING_CASES) writeFileSync(join(process.env.TEIKIT_JING_CASES, `${testCase.name.replace(/[^A-Za-z0-9.-]+/g, '_')}.${schema}.xml`), testCase.text);
        if (!same) disagreements.push(`${testCase.name} (${schema}): jing ${JSON.stringify(describeElements(testCase.text, theirs))}, teikit ${JSON.stringify(describeElements(testCase.text, ours))}`);
      });
    }
    expect(disagreements).toEqual([]);
  });

  it('should have cases of every kind, valid and invalid', () => {
    expect(cases.filter((testCase) => testCase.name.startsWith('random')).length).toBe(200);
    const invalid = cases.filter((testCase) => teikitElements(testCase.text, schemas[testCase.schema]).size > 0);
    // The mutations are all invalid; many random documents are, many are not.
    for (const [name] of MUTATIONS) expect(invalid.some((testCase) => testCase.name === name), name).toBe(true);
    expect(invalid.length).toBeGreaterThan(50);
    expect(cases.length - invalid.length).toBeGreaterThan(50);
  });
});
