/**
 * teikit render: the committed editions are what render() makes; the diplomatic text gives back
 * the source's body; other projects' TEI renders without losing a word; hostile input is refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { render, type RenderOptions } from '../src/render/index.js';
import { REFERENCE_MANIFEST, REFERENCE_SOURCE, REFERENCE_TEI, ROOT, FIXTURES, corpusFiles, elementXml, isSubsequence, readText, withoutCorpusBar, words, xmlText } from './helpers.js';

const EDITION = REFERENCE_TEI.replace(/\.xml$/, '');
const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
const reference = readFileSync(REFERENCE_TEI);

function rendered(tei: Uint8Array | string, options: RenderOptions, path = 'wilson-121798.xml'): string {
  const result = render(tei, path, options);
  // An XInclude that leads outside the fixtures (I.Sicily's authority lists) is a warning, and its fallback stands in.
  expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId !== 'xinclude/not-followed')).toEqual([]);
  return result.output ?? '';
}

/** Words and the square brackets, the tokens the diplomatic round trip must keep in order. */
const tokens = (text: string): string[] => text.match(/[\p{L}\p{N}]+|[[\]]/gu) ?? [];

/** The body of the reference record: from its first paragraph to its last (whitespace folded). */
function referenceBody(text: string): string {
  const folded = text.replace(/\s+/g, ' ');
  const first = 'All members of the KWP CC presidium';
  const last = 'The plenum resolution should be published in the press.';
  return folded.slice(folded.indexOf(first), folded.indexOf(last) + last.length);
}

/** Visible text of an HTML page, crudely: tags dropped, entities decoded. */
const htmlText = (html: string): string => xmlText(html.replace(/<(style|title)[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' '));

describe('the committed editions of editions/wilson-121798', () => {
  it.each([
    ['wilson-121798.html', { to: 'html' }],
    ['wilson-121798.txt', { to: 'text', view: 'reading' }],
    ['wilson-121798.diplomatic.txt', { to: 'text', view: 'diplomatic' }],
  ] as const)('should be reproduced byte for byte: %s', (name, options) => {
    // The build adds the corpus's navigation between two markers (tested with the build): not render's.
    const committed = withoutCorpusBar(readText(`${EDITION.replace(/[^/]+$/, '')}${name}`));
    expect(rendered(reference, options)).toBe(committed);
  });

  it('should give the same bytes twice', () => {
    expect(rendered(reference, { to: 'html' })).toBe(rendered(reference, { to: 'html' }));
  });
});

describe('the diplomatic text', () => {
  it('should give back the source body: every word and bracket, in order (whitespace folded)', () => {
    const source = referenceBody(readText(REFERENCE_SOURCE));
    const diplomatic = referenceBody(rendered(reference, { to: 'text', view: 'diplomatic' }));
    expect(source.length).toBeGreaterThan(30_000);
    expect(tokens(diplomatic)).toEqual(tokens(source));
  });

  it('should give back every word and bracket of each corpus document, in order, from its TEI', () => {
    for (const path of corpusFiles()) {
      const source = readFileSync(path, 'utf8');
      const diplomatic = rendered(convert(readFileSync(path), { path }).tei ?? '', { to: 'text', view: 'diplomatic' });
      // The text part (after the edition's own header block): the source's header, text and notes.
      const text = diplomatic.slice(diplomatic.indexOf('-'.repeat(78)));
      expect(isSubsequence(tokens(source), tokens(text)), path).toBe(true);
    }
  });

  it('should write each bracket family as the source does', () => {
    const diplomatic = rendered(reference, { to: 'text', view: 'diplomatic' }).replace(/\s+/g, ' ');
    const source = readText(REFERENCE_SOURCE).replace(/\s+/g, ' ');
    for (const sample of ['Nie [Rongzhen]', '[agitprom - SIC]', 'bureau [SIC]', '[inserted by hand: ']) {
      expect(source, `the source has ${sample}`).toContain(sample);
      expect(diplomatic).toContain(sample);
    }
  });

  it('should give back a flag with its comment as written: "[SIC, plural]", "[sic, probably \"can\"]"', () => {
    const source = 'A Record\n\nWe agree with these guidelines [SIC, plural]. We cen [sic, probably "can"] help. The bureau [SIC] met. It would not [sic] be.\n';
    const tei = convert(new TextEncoder().encode(source), { path: 'sic.txt' }).tei ?? '';
    const diplomatic = rendered(tei, { to: 'text', view: 'diplomatic' }).replace(/\s+/g, ' ');
    expect(diplomatic).toContain('these guidelines [SIC, plural]. We cen [sic, probably "can"] help. The bureau [SIC] met. It would not [sic] be.');
    const html = rendered(tei, { to: 'html' });
    expect(html).toContain('<span class="dip flag">SIC, </span>plural');
    expect(html).not.toContain('guidelines</span><span class="dip flag"> [SIC]</span>');
  });

  it('should have no brackets of the translator in the reading text', () => {
    const reading = rendered(reference, { to: 'text', view: 'reading' });
    const body = reading.slice(reading.indexOf('-'.repeat(78)), reading.lastIndexOf('\nNotes\n'));
    expect(body).toContain('Nie Rongzhen');
    expect(body).not.toContain('[SIC]');
    expect(body).not.toContain('inserted by hand');
    // The original form the translator reports goes to the notes, not lost.
    expect(reading).toMatch(/\[1\] The original has: agitprom \[SIC\]/);
  });
});

describe('the plain-text reading edition', () => {
  const reading = rendered(reference, { to: 'text', view: 'reading' });

  it('should wrap every line at 78 columns', () => {
    const long = reading.split('\n').filter((line) => [...line].length > 78);
    expect(long).toEqual([]);
  });

  it('should open with title, date, source, translator, rights and summary', () => {
    const header = reading.slice(0, reading.indexOf('-'.repeat(78)));
    expect(header).toMatch(/^RECORD OF A MEETING BETWEEN THE SINO-SOVIET DELEGATION/);
    for (const field of ['Date: September 20, 1956', 'Source: GARF, Fond 5446, Opis 98c, Delo 718, Listy 18-34', 'Translated by: Gary Goldberg', 'Rights: ', 'Summary:']) {
      expect(header).toContain(field);
    }
  });

  it('should keep the speaker labels and separate paragraphs by blank lines', () => {
    expect(reading).toContain('\n\nCde. Choe Yong-geon. I have just arrived from China,');
    expect(reading).toContain('\n\nCde. Kim Il Sung notes: it is impossible to proceed');
  });
});

describe('the HTML edition', () => {
  const html = rendered(reference, { to: 'html' });

  it('should load nothing: a CSP that forbids it, and no URL to fetch in src, href or CSS', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`);
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).not.toMatch(/<script|<link|@import|url\(/);
    const links = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '');
    // The one link out: the record's page at the Digital Archive (a link, not a fetch).
    expect(links.filter((link) => !link.startsWith('#') && !link.startsWith('data:'))).toEqual(['https://digitalarchive.wilsoncenter.org/document/121798']);
  });

  it('should link every persName to its person and every paragraph to itself', () => {
    const paragraphs = [...html.matchAll(/<p id="(p\d+)" class="para[^"]*"><a class="pilcrow" href="#(p\d+)"/g)];
    expect(paragraphs).toHaveLength(47);
    expect(paragraphs.every((match) => match[1] === match[2])).toBe(true);
    const people = new Set([...html.matchAll(/<li id="person-([a-z-]+)">/g)].map((match) => match[1]));
    const pointed = [...html.matchAll(/<a class="person" href="#person-([a-z-]+)">/g)].map((match) => match[1]);
    // Every tagged name of the summary and the text (the header's translator is not shown as text).
    const tei = readText(REFERENCE_TEI);
    const tagged = (xml: string): number => xml.split('<persName ref=').length - 1;
    expect(pointed.length).toBe(tagged(elementXml(tei, 'abstract')) + tagged(elementXml(tei, 'text')));
    expect(pointed.filter((id) => !people.has(id))).toEqual([]);
  });

  it('should offer CSL-JSON and BibTeX made from the header', () => {
    const csl = decodeURIComponent(html.match(/href="data:application\/vnd\.citationstyles\.csl\+json;charset=utf-8,([^"]+)"/)?.[1] ?? '');
    const [item] = JSON.parse(csl) as Record<string, unknown>[];
    expect(item).toMatchObject({
      id: 'wilson-121798',
      type: 'manuscript',
      title: "Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers' Party Presidium",
      issued: { 'date-parts': [[1956, 9, 20]] },
      translator: [{ literal: 'Gary Goldberg' }],
      archive: 'GARF',
      archive_location: 'GARF, Fond 5446, Opis 98c, Delo 718, Listy 18-34',
      publisher: 'teikit project',
      // No baseUrl in the manifest: the record's own page, and the edition by its file name.
      URL: 'https://digitalarchive.wilsoncenter.org/document/121798',
      note: 'TEI edition wilson-121798.xml, 2026-11-29',
    });
    const bibtex = decodeURIComponent(html.match(/href="data:application\/x-bibtex;charset=utf-8,([^"]+)"/)?.[1] ?? '');
    expect(bibtex).toMatch(/^@misc\{wilson-121798,\n {2}title = \{Record of a Meeting/);
    expect(bibtex).toContain('  translator = {Gary Goldberg},');
    expect(bibtex).toContain('  date = {1956-09-20},');
  });

  it('should cite the edition at its own address where the manifest gives a baseUrl, the record\'s page beside it', () => {
    const manifest = JSON.parse(readText(REFERENCE_MANIFEST)) as { edition: Record<string, unknown> };
    manifest.edition.baseUrl = 'https://editions.test/korea/';
    const tei = convert(readFileSync(REFERENCE_SOURCE), { path: 'source.txt', manifest: { text: JSON.stringify(manifest), path: 'edition.json' } }).tei ?? '';
    expect(elementXml(tei, 'publicationStmt')).toContain('<idno type="URI">https://editions.test/korea/wilson-121798</idno>');
    const page = rendered(tei, { to: 'html' });
    const csl = JSON.parse(decodeURIComponent(page.match(/href="data:application\/vnd\.citationstyles\.csl\+json;charset=utf-8,([^"]+)"/)?.[1] ?? '')) as Record<string, unknown>[];
    expect(csl[0]).toMatchObject({ URL: 'https://editions.test/korea/wilson-121798', note: 'TEI edition, 2026-11-29' });
    const citation = page.match(/<p class="citation">([^<]*)<\/p>/)?.[1] ?? '';
    expect(citation).toMatch(/TEI edition, teikit project, 2026-11-29\. https:\/\/editions\.test\/korea\/wilson-121798\.$/);
    expect(page).toContain('<dt>Source record</dt><dd><a href="https://digitalarchive.wilsoncenter.org/document/121798">');
    // Without it, the file name and the record's page: never a made-up address.
    expect(html.match(/<p class="citation">([^<]*)<\/p>/)?.[1]).toMatch(/TEI edition wilson-121798\.xml, teikit project, 2026-11-29\. Source record: https:\/\/digitalarchive\.wilsoncenter\.org\/document\/121798\.$/);
  });

  it('should chart the words of each speaker, counted from their turns', () => {
    const tei = readText(REFERENCE_TEI);
    // Nam Il's one turn, counted here from the TEI: his words are the chart's last bar.
    const turn = tei.match(/<sp xml:id="sp\d+" n="\d+" who="#nam-il">([\s\S]*?)<\/sp>/)?.[1] ?? '';
    const spoken = xmlText(turn.replace(/<speaker[^>]*>[\s\S]*?<\/speaker>/, '')).split(/\s+/).filter(Boolean).length;
    expect(html).toContain(`Nam Il: ${spoken} words in 1 turn.`);
    expect(html).toMatch(/<svg[^>]+role="img"/);
  });
});

describe('other projects\' TEI and the corpus conversions: no word of <text> is lost', () => {
  const foreign = readdirSync(`${FIXTURES}foreign`).filter((name) => name.endsWith('.xml')).sort();
  const corpus = corpusFiles().map((path) => ({ name: path.split('/').pop() ?? path, tei: convert(readFileSync(path), { path }).tei ?? '' }));
  const documents = [...foreign.map((name) => ({ name, tei: readText(`${FIXTURES}foreign/${name}`) })), ...corpus];

  it('should have the eight foreign documents and the nine conversions', () => {
    expect([foreign.length, corpus.length]).toEqual([8, 9]);
  });

  for (const { name, tei } of documents) {
    it(`should keep every word of ${name} in the reading text, the diplomatic text and the HTML`, () => {
      // The source's words, split at every tag too ("Com<ex>munist</ex>" gives "Com" and
      // "munist"): each must be found in the output, which may join them again.
      const expected = [...new Set(words(xmlText(elementXml(tei, 'text').replace(/<[^>]+>/g, ' '))))];
      expect(expected.length).toBeGreaterThan(50);
      const missing = (output: string): string[] => {
        const folded = output.replace(/\s+/g, ' ');
        return expected.filter((word) => !folded.includes(word));
      };
      for (const options of [{ to: 'text', view: 'reading' }, { to: 'text', view: 'diplomatic' }] as const) {
        expect(missing(rendered(tei, options, name))).toEqual([]);
      }
      expect(missing(htmlText(rendered(tei, { to: 'html' }, name)))).toEqual([]);
    });
  }
});

describe('valid HTML5 (the W3C Nu Html Checker, vnu.jar)', () => {
  it('should find no error in the HTML of the reference, the foreign TEI and the corpus conversions, and the error of a broken page', () => {
    const directory = mkdtempSync(join(tmpdir(), 'teikit-html-'));
    // A broken page in the same run (one JVM): the checker is really running.
    const broken = join(directory, 'broken.html');
    writeFileSync(broken, rendered(reference, { to: 'html' }).replace('<main id="text"', '<main id="text" id="again"'));
    const sources = [
      { name: 'wilson-121798', tei: readText(REFERENCE_TEI) },
      ...readdirSync(`${FIXTURES}foreign`).filter((name) => name.endsWith('.xml')).map((name) => ({ name, tei: readText(`${FIXTURES}foreign/${name}`) })),
      ...corpusFiles().map((path) => ({ name: path.split('/').pop() ?? path, tei: convert(readFileSync(path), { path }).tei ?? '' })),
    ];
    const files = sources.map(({ name, tei }) => {
      const file = join(directory, `${name}.html`);
      writeFileSync(file, rendered(tei, { to: 'html' }, name));
      return file;
    });
    const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', ...files, broken], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    const errors = run.stderr.trim().split('\n').filter(Boolean);
    expect(errors.filter((line) => !line.includes('broken.html'))).toEqual([]);
    expect(errors.some((line) => line.includes('broken.html') && line.includes('Duplicate attribute'))).toBe(true);
  });
});

describe('bad input', () => {
  it('should refuse entity declarations before any stylesheet runs', () => {
    const bomb = readText(`${ROOT}test/fixtures/hostile/entity-bomb.xml`);
    const result = render(bomb, 'bomb.xml', { to: 'html' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['xml/entity-declaration']);
  });

  it('should say where a file stops being XML', () => {
    const result = render('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</body></text></TEI>', 'broken.xml', { to: 'text' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'xml/not-well-formed', place: { start: { line: 1 } } });
  });
});
