/**
 * The catalogue's search engine (src/build/catalogue/search.ts) in Node: the same functions the
 * catalogue's script runs in the browser. The index is built from small hand-made editions whose
 * answers are known; a property test checks it against a plain scan of the same editions. And the
 * catalogue's files for a corpus larger than a page: what is written, replaced and refused
 * (the page itself is tried in test/browser.test.ts).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, writeCatalogue } from '../src/build/catalogue/index.js';
import { ROOT, stateCorpus } from './helpers.js';
import {
  decodePostings,
  partsFor,
  rankEditions,
  searchTerms,
  SearchIndexBuilder,
  withinEdits,
  type IndexedEdition,
  type SearchIndex,
} from '../src/build/catalogue/search.js';

const edition = (title: string, persons: string, text: string): IndexedEdition => ({ title: searchTerms(title), persons: searchTerms(persons), text: searchTerms(text) });

function build(editions: IndexedEdition[]): SearchIndex {
  const builder = new SearchIndexBuilder();
  editions.forEach((one, position) => builder.add(position, one));
  return builder.index();
}

/** The editions a query finds, best first (as the page orders them). */
function find(index: SearchIndex, count: number, query: string): number[] {
  const scores = rankEditions([...new Set(searchTerms(query))], (term) => partsFor(term, index.starts).map((number) => index.parts[number]!), count);
  return [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || a - b);
}

const CORPUS = [
  edition('Record of a Meeting with Mikoyan', 'Mikoyan, Kim Il Sung', 'The delegation discussed the situation in the Party.'),
  edition('Memorandum of Conversation', 'Rusk, Chiang Kai-shek', 'Chennault spoke of the airlift; Mikoyan was not present.'),
  edition('Telegram from Zhōu Enlái', 'Zhou Enlai', 'Über die Lage: the telegram reached Moscow.'),
];

describe('the catalogue search engine', () => {
  it('should cut text into the terms a reader types: lower case, accents folded, no punctuation or symbols', () => {
    expect(searchTerms('Zhōu Enlái, “Über” die Lage — $5 <script>')).toEqual(['zhou', 'enlai', 'uber', 'die', 'lage', '5', 'script']);
    expect(searchTerms('  ,;  ')).toEqual([]);
  });

  it('should find a word in any field, rank a title or person above the text, and require every word', () => {
    const index = build(CORPUS);
    // Mikoyan is in the title and persons of 0, in the text of 1.
    expect(find(index, 3, 'Mikoyan')).toEqual([0, 1]);
    expect(find(index, 3, 'chennault')).toEqual([1]);
    expect(find(index, 3, 'Mikoyan chennault')).toEqual([1]);
    expect(find(index, 3, 'zzzzqqq')).toEqual([]);
    // Accents folded on both sides; a prefix of two letters or more matches.
    expect(find(index, 3, 'Zhou')).toEqual([2]);
    expect(find(index, 3, 'uber')).toEqual([2]);
    expect(find(index, 3, 'teleg')).toEqual([2]);
    expect(find(index, 3, 'memo')).toEqual([1]);
  });

  it('should forgive one typo from five letters and two from eight, sharing the first two letters', () => {
    const index = build(CORPUS);
    expect(find(index, 3, 'Mikoyn')).toEqual([0, 1]);
    expect(find(index, 3, 'Chenault')).toEqual([1]);
    expect(find(index, 3, 'delegatoin')).toEqual([0]);
    // Short words and numbers are not fuzzy: one edit in a three-letter word matches too much, and 1957 is not 1956.
    expect(find(index, 3, 'kmi')).toEqual([]);
    expect(find(build([edition('', '', 'in 19567'), edition('', '', 'in 19568')]), 2, '19567')).toEqual([0]);
    expect(withinEdits('mikoyan', 'mikoyn', 1)).toBe(true);
    expect(withinEdits('mikoyan', 'mokoyn', 1)).toBe(false);
  });

  it('should store postings as gaps and fields that decode to the editions and fields given', () => {
    const builder = new SearchIndexBuilder();
    // Positions far apart need several digits; a term in title and text has both bits.
    const positions = [0, 1, 2, 40, 1_000, 1_001, 70_000, 2_000_000];
    for (const position of positions) builder.add(position, { title: ['alpha'], persons: [], text: position % 2 === 0 ? ['alpha'] : [] });
    const { parts } = builder.index();
    expect(parts).toHaveLength(1);
    const decoded = decodePostings(parts[0]!.postings[parts[0]!.terms.indexOf('alpha')]!);
    expect(decoded).toEqual(positions.flatMap((position) => [position, position % 2 === 0 ? 5 : 4]));
  });

  it('should cut a large index into parts, and a query load only the parts its words fall in', () => {
    const builder = new SearchIndexBuilder();
    // 3,000 editions, each with 40 words of its own and a common one: an index of several parts.
    for (let position = 0; position < 3_000; position++) {
      builder.add(position, { title: [], persons: [], text: ['common', ...Array.from({ length: 40 }, (_, word) => `w${(position * 40 + word).toString(36)}x`)] });
    }
    const index = builder.index();
    expect(index.parts.length).toBeGreaterThan(5);
    expect(index.starts[0]).toBe('');
    expect([...index.starts].sort()).toEqual(index.starts);
    for (const part of index.parts) expect([...part.terms].sort()).toEqual(part.terms);
    expect(partsFor('common', index.starts).length).toBeLessThan(index.parts.length);
    expect(find(index, 3_000, 'common')).toHaveLength(3_000);
    const word = `w${(1234 * 40 + 7).toString(36)}x`;
    // The edition that holds it first; after it those holding a word one typo away (the words are alike).
    const found = find(index, 3_000, word);
    expect(found[0]).toBe(1234);
    expect(found.length).toBeLessThan(100);
  });

  it('should find exactly the editions that hold every query word (or a word it begins), as a scan does', () => {
    const words = fc.constantFrom('alpha', 'alps', 'beta', 'bet', 'gamma', 'delta', 'x', 'über', 'ubiquity', 'abc123', 'abc124');
    fc.assert(
      fc.property(fc.array(fc.record({ title: fc.array(words, { maxLength: 3 }), text: fc.array(words, { maxLength: 6 }) }), { minLength: 1, maxLength: 30 }), fc.array(words, { minLength: 1, maxLength: 2 }), (editions, query) => {
        const indexed = editions.map((one) => edition(one.title.join(' '), '', one.text.join(' ')));
        const index = build(indexed);
        const terms = [...new Set(searchTerms(query.join(' ')))];
        // A scan: every query term is a word of the edition, or begins one (from two letters), or is within a typo.
        const holds = (one: IndexedEdition, term: string): boolean =>
          [...one.title, ...one.text].some((word) => word === term || (term.length >= 2 && word.startsWith(term)) || (term.length >= 5 && !/\d/.test(term) && word.slice(0, 2) === term.slice(0, 2) && withinEdits(word, term, term.length >= 8 ? 2 : 1)));
        const expected = indexed.map((one, position) => (terms.every((term) => holds(one, term)) ? position : -1)).filter((position) => position >= 0);
        expect(find(index, indexed.length, query.join(' ')).sort((a, b) => a - b)).toEqual(expected);
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});

/** State records of `size` editions under `root` (edition i in folder `name(i)`), as a build leaves them. */
const corpus = (root: string, size: number, name = (index: number): string => `e${String(index).padStart(4, '0')}`) =>
  stateCorpus(root, size, (index) => ({
    name: name(index),
    record: { title: index === 7 ? 'A </script><script>alert(1)</script> title' : `Record ${index}`, date: `19${String(10 + (index % 80))}-05-01`, translators: [], participants: [] },
    words: `word${index}`,
    outputs: [`${name(index)}.html`],
  }));

describe('the catalogue of a corpus larger than a page', () => {
  const base = join(ROOT, 'test-output', 'catalogue');

  it('should write its pages and search parts, the same bytes every time, and replace those of an older catalogue', () => {
    const root = join(base, 'pages');
    rmSync(root, { recursive: true, force: true });
    writeCatalogue(root, corpus(root, 2 * PAGE_SIZE + 1), 'test');
    const files = readdirSync(join(root, 'catalogue')).sort();
    expect(files.filter((file) => file.startsWith('page-'))).toEqual(['page-2.html', 'page-3.html']);
    expect(files.filter((file) => /^search-[0-9a-f]{16}\.js$/.test(file)).length).toBe(files.length - 2);
    const first = readFileSync(join(root, 'index.html'), 'utf8');
    // A title cannot end the script element its entry's data stands in.
    expect(first).toContain('A \\u003c/script>\\u003cscript>alert(1)\\u003c/script> title');
    expect(first).toContain('A &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; title');

    // Written again from scratch: the same bytes.
    rmSync(join(root, 'index.html'));
    rmSync(join(root, 'catalogue'), { recursive: true });
    writeCatalogue(root, corpus(root, 2 * PAGE_SIZE + 1), 'test');
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toBe(first);
    expect(readdirSync(join(root, 'catalogue')).sort()).toEqual(files);

    // Fewer editions: the third page and the parts of the old index are gone, a file of the reader's stays.
    const own = join(root, 'catalogue', 'notes.txt');
    writeFileSync(own, 'mine');
    writeCatalogue(root, corpus(root, PAGE_SIZE + 1), 'test');
    const after = readdirSync(join(root, 'catalogue')).sort();
    expect(after).toContain('page-2.html');
    expect(after).not.toContain('page-3.html');
    expect(after).toContain('notes.txt');
    const parts = /"parts":(\[[^\]]*\])/.exec(readFileSync(join(root, 'index.html'), 'utf8'))![1]!;
    expect(after.filter((file) => file.startsWith('search-')).map((file) => `catalogue/${file}`)).toEqual((JSON.parse(parts) as string[]).sort());
  });

  it('should refuse to write its pages into a folder that holds an edition, and say which', () => {
    const root = join(base, 'taken');
    rmSync(root, { recursive: true, force: true });
    const result = writeCatalogue(root, corpus(root, PAGE_SIZE + 1, (index) => (index === 3 ? 'catalogue' : `e${index}`)), 'test');
    expect(result.written).toBe(false);
    expect(result.problem?.ruleId).toBe('build/catalogue-folder-taken');
    expect(result.problem?.reason).toContain('catalogue/');
    expect(existsSync(join(root, 'index.html'))).toBe(false);
    // A catalogue of one page needs no folder: that edition is listed, and its folder left as it is.
    const small = join(base, 'taken-small');
    rmSync(small, { recursive: true, force: true });
    const order = corpus(small, 20, (index) => (index === 3 ? 'catalogue' : `e${index}`));
    writeFileSync(join(small, 'catalogue', 'page-2.html'), 'the edition\'s own file');
    expect(writeCatalogue(small, order, 'test').written).toBe(true);
    expect(readFileSync(join(small, 'catalogue', 'page-2.html'), 'utf8')).toBe('the edition\'s own file');
    expect(readFileSync(join(small, 'index.html'), 'utf8')).toContain('<a href="catalogue/catalogue.html">Record 3</a>');
  });
});
