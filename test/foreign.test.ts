/**
 * Other projects' TEI rendered as they mean it (issue 14): one minimal file per defect found in
 * real TEI (test/fixtures/foreign/minimal-cases, README there), through the real stylesheets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, type RenderOptions } from '../src/render/index.js';
import { FIXTURES, ROOT, words, xmlText } from './helpers.js';

const MINIMAL = `${FIXTURES}foreign/minimal-cases/`;
const VIEWS: readonly RenderOptions[] = [{ to: 'html' }, { to: 'text', view: 'reading' }, { to: 'text', view: 'diplomatic' }];

/** A minimal case rendered; a render that fails fails the test with its message. */
function renderCase(name: string, options: RenderOptions): string {
  const result = render(readFileSync(`${MINIMAL}${name}`), name, options);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return result.output ?? '';
}

/** The text after the header rule of a text edition: the document's own text and notes. */
const textPart = (text: string): string => text.replace(/^[\s\S]*?\n-{20,}\n/, '').replace(/\s+/g, ' ').trim();
/** The visible words of an HTML page's <main>. */
const htmlWords = (html: string): string[] => words(xmlText(html.slice(html.indexOf('<main')).replace(/<[^>]+>/g, ' ')));

describe('notes where the block list does not expect them', () => {
  it.each([
    ['01-note-in-fw.xml', ['Leaves', 'narrow', 'space', 'Grass']],
    ['02-note-in-note.xml', ['outer', 'inner', 'end', 'more']],
    ['03-choice-in-note.xml', ['see', 'teh', 'the', 'book']],
    ['04-note-in-dictionary-sense.xml', ['greeting']],
  ])('%s renders in every view (footnote-number() was empty: XTTE0780), every word kept', (name, expected) => {
    for (const options of VIEWS) {
      const output = renderCase(name, options);
      const shown = options.to === 'html' ? htmlWords(output) : words(textPart(output));
      for (const word of expected) expect(shown, `${name} ${options.to} ${options.view ?? ''}`).toContain(word);
    }
  });

  it('a note inside a note stands in brackets where it is; a choice inside a note shows both forms', () => {
    expect(textPart(renderCase('02-note-in-note.xml', { to: 'text', view: 'reading' }))).toContain('[1] outer [inner] end');
    expect(textPart(renderCase('03-choice-in-note.xml', { to: 'text', view: 'reading' }))).toContain('[1] see teh [the] book');
    expect(textPart(renderCase('01-note-in-fw.xml', { to: 'text', view: 'reading' }))).toMatch(/^Leaves\[1\] of Grass\. x Notes \[1\] narrow space$/);
  });
});

describe('the command line and a reader that stops early', () => {
  it('`render … | head -1` ends quietly with the command\'s exit code (it ended with an unhandled "write EPIPE")', () => {
    const work = mkdtempSync(join(tmpdir(), 'teikit-epipe-'));
    const tei = join(work, 'long.xml');
    // A text edition far larger than a pipe's buffer, so the writer is still writing when head leaves.
    const paragraphs = Array.from({ length: 20000 }, (_, index) => `<p>Paragraph ${index} of a long document, with words enough to fill a line.</p>`).join('');
    writeFileSync(tei, `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Long</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>${paragraphs}</body></text></TEI>`);
    const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${ROOT}dist/cli/main.js" render "${tei}" --to text | head -1`], { encoding: 'utf8' });
    expect(run.stdout).toBe('LONG\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('inline constructs of other projects, rendered as their readers expect', () => {
  const text = (name: string, view: 'reading' | 'diplomatic'): string => textPart(renderCase(name, { to: 'text', view }));
  const html = (name: string): string => renderCase(name, { to: 'html' });

  it('a critical apparatus keeps the lemma in the text and gives the readings with their witnesses (it printed "A goodbad text.")', () => {
    expect(text('05-app-lem-rdg.xml', 'reading')).toBe('A good[1] text. Notes [1] good A] bad B');
    expect(text('05-app-lem-rdg.xml', 'diplomatic')).toBe('A good [bad B] text.');
    expect(html('05-app-lem-rdg.xml')).toContain('<span class="app" title="good A] bad B">good<span class="dip rdg-app"> [bad B]</span></span> text.');
  });

  it('a choice of two unclear readings notes the other one, and the diplomatic view keeps the word whole', () => {
    expect(text('06-choice-two-unclear.xml', 'reading')).toBe('lo[1]st Notes [1] unclear: a');
    expect(text('06-choice-two-unclear.xml', 'diplomatic')).toBe('lo[a]st');
    expect(html('06-choice-two-unclear.xml')).toContain('title="unclear: o; unclear: a"');
  });

  it('notes are called by the source\'s own numbers (note/@n)', () => {
    expect(text('07-note-n-ignored.xml', 'reading')).toBe('Alpha.[1] Beta.[1] Notes [1] Source A. [1] Source B.');
    const page = html('07-note-n-ignored.xml');
    expect(page).toContain('<a href="#note-2" id="noteref-2" aria-label="Note 1">1</a>');
    expect(page).toContain('<li id="note-2"><span class="note-label">1</span> Source B.');
  });

  it('w/@join="right" joins a word to the next ("vardır.", was "var dır .")', () => {
    expect(text('09-w-join-right.xml', 'reading')).toBe('vardır.');
    expect(html('09-w-join-right.xml')).toMatch(/1<\/a>\s*vardır\.\s*<\/p>/);
  });

  it('Arabic text gets the text\'s language and dir="rtl" (the page said lang="en")', () => {
    const page = html('14-rtl-arabic.xml');
    expect(page).toMatch(/<html [^>]*lang="ar"/);
    expect(page).toContain('<main id="text" aria-labelledby="text-heading" dir="rtl">');
  });

  it('a quotation keeps its quotation marks', () => {
    expect(text('17-q-marks.xml', 'reading')).toBe('He gave the lecture “Kirche und Kultur” yesterday.');
    expect(html('17-q-marks.xml')).toContain('<q>Kirche und Kultur</q>');
  });

  it('verse lines are anchored by their number, and every fifth number is shown', () => {
    const page = html('18-l-n.xml');
    expect(page).toContain('<p class="line" id="l-1.1.1">First verse line,</p>');
    expect(page.slice(page.indexOf('<main'))).not.toContain('class="line-number"');
    const fifth = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body><lg><l n="4">Four,</l><l n="5">five,</l></lg></body></text></TEI>';
    const result = render(fifth, 'fifth.xml', { to: 'html' });
    expect(result.output).toContain('<p class="line" id="l-5">five,<span class="line-number" aria-hidden="true">5</span></p>');
    expect(render(fifth, 'fifth.xml', { to: 'text', view: 'reading' }).output).toContain('\n\nfive,\u2003\u20035\n');
  });

  it('a cast list is a list, groups nested under their head; a line shared between speakers is indented as it continues', () => {
    const cast = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><front><castList><head>Persons</head><castItem><role>Mozart</role>, <roleDesc>a composer</roleDesc></castItem><castGroup><head>Musicians</head><castItem><role>A violinist</role></castItem><castItem><role>A flautist</role></castItem><roleDesc>blind</roleDesc></castGroup></castList></front><body><sp><speaker>M.</speaker><l part="I">Here!</l></sp><sp><speaker>S.</speaker><l part="F">Long since?</l></sp></body></text></TEI>';
    const page = render(cast, 'cast.xml', { to: 'html' }).output ?? '';
    expect(page).toContain('<ul class="cast"><li class="cast-item">Mozart, a composer</li><li class="cast-group"><span class="cast-group-head">Musicians</span><ul class="cast"><li class="cast-item">A violinist</li><li class="cast-item">A flautist</li></ul><span class="cast-group-desc">blind</span></li></ul>');
    expect(page).toContain('<p class="line part-I">Here!</p>');
    expect(page).toContain('<p class="line part-F">Long since?</p>');
  });

  it('a table is a table: rows and cells in the HTML, a row a line with its cells apart in the text (a block per fragment before)', () => {
    expect(html('08-table-cell-mixed.xml')).toContain('<table class="table"><tr><td>Spannung auf 1<span class="hi sup">qmm</span> <br>des Rohres</td><td>3</td></tr></table>');
    expect(text('08-table-cell-mixed.xml', 'reading')).toBe('Spannung auf 1qmm des Rohres | 3');
  });

  it('hi/@rendition styles through the header\'s renditions (only typographic properties), and its id is a class', () => {
    expect(html('12-hi-rendition.xml')).toContain('<span class="hi i">italic by rendition</span>');
    const declared = readFileSync(`${MINIMAL}12-hi-rendition.xml`, 'utf8').replace('<fileDesc>', '<fileDesc>').replace('</fileDesc>', '</fileDesc><encodingDesc><tagsDecl><rendition xml:id="i" scheme="css">font-style: italic; background-image: url(https://example.net/x.png); position: fixed</rendition></tagsDecl></encodingDesc>');
    const page = render(declared, '12.xml', { to: 'html' }).output ?? '';
    expect(page).toContain('<span class="hi i" style="font-style: italic">italic by rendition</span>');
    expect(page).not.toContain('example.net');
  });

  it('MathML stays MathML in the HTML, without attributes that could link', () => {
    const page = html('13-mathml.xml');
    expect(page).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"><msub><mi>m</mi><mi>e</mi></msub><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>');
    const linked = readFileSync(`${MINIMAL}13-mathml.xml`, 'utf8').replace('<mi>m</mi>', '<mi href="javascript:alert(1)" mathvariant="italic">m</mi>');
    expect(linked).toContain('javascript:');
    const output = render(linked, '13.xml', { to: 'html' }).output ?? '';
    expect(output).toContain('<mi mathvariant="italic">m</mi>');
    expect(output).not.toContain('javascript:');
  });

  it('an utterance without a speaker label is opened by its speaker\'s name in the text editions', () => {
    expect(text('16-u-without-speaker.xml', 'reading')).toBe('[A] Hello from speaker A. [B] Reply from speaker B.');
  });

  it('Leiden conventions: expansions in parentheses, a gap\'s extent, the scribe\'s omissions in angle brackets', () => {
    expect(text('19-gap-expan.xml', 'diplomatic')).toBe('de num(ero) [.....] ⟨ω⟩');
    const page = html('19-gap-expan.xml');
    expect(page).toContain('<span class="gap" title="Gap: lost, 5 characters">[.....]</span>');
    expect(page).toContain('title="Supplied by the editor (omitted)"><span class="dip">⟨</span>ω<span class="dip">⟩</span>');
  });

  it('a stage direction inside a verse line and a gesture inside a speech are set apart, not spoken words', () => {
    expect(text('20-inline-stage-kinesic.xml', 'reading')).toBe('ADRIANA (To Dromio.) Sirrah, if any ask you for your master, [b] We applaud (Applause) now.');
    const page = html('20-inline-stage-kinesic.xml');
    expect(page).toContain('<span class="stage-inline">(To Dromio.)</span>');
    expect(page).toContain('<span class="stage-inline">(Applause)</span>');
  });
});

describe('the page around other projects\' TEI', () => {
  const withHeader = (header: string, body = '<p>x</p>'): string =>
    `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc>${header}</sourceDesc></fileDesc></teiHeader><text><body>${body}</body></text></TEI>`;
  const dateRow = (tei: string): string | undefined => /<dt>Date<\/dt>\s*<dd>(.*?)<\/dd>/.exec(render(tei, 'd.xml', { to: 'html' }).output ?? '')?.[1];

  it('a documentary transcription (sourceDoc: surfaces, zones, lines) is rendered, in both outputs', () => {
    expect(textPart(renderCase('10-sourceDoc-only.xml', { to: 'text', view: 'reading' }))).toBe('Hello transcribed world');
    expect(renderCase('10-sourceDoc-only.xml', { to: 'html' })).toContain('<div class="sourceDoc"><div class="surface"><div class="zone"><p class="block line">Hello transcribed world</p>');
  });

  it('the date is the document\'s: not a print edition\'s in the source description; a date given only by attributes is said in words', () => {
    expect(dateRow(withHeader('<bibl>Printed <date when="1901">1901</date></bibl>'))).toBeUndefined();
    expect(dateRow(withHeader('<msDesc><msIdentifier><idno>1</idno></msIdentifier><history><origin><origDate notBefore="1450" notAfter="1475"/></origin></history></msDesc>'))).toBe('1450–1475');
    expect(dateRow(withHeader('<msDesc><msIdentifier><idno>1</idno></msIdentifier><history><origin><origDate notBefore="1450"/></origin></history></msDesc>'))).toBe('not before 1450');
  });

  it('the key to the conventions lists only those the text uses: none for a text with none, not the translator\'s', () => {
    expect(renderCase('17-q-marks.xml', { to: 'html' })).not.toContain('class="legend"');
    const legend = /<dl class="legend">(.*?)<\/dl>/.exec(renderCase('19-gap-expan.xml', { to: 'html' }))?.[1] ?? '';
    expect(legend).toContain('Supplied by the editor (omitted)');
    expect(legend).toContain('Text missing or illegible');
    expect(legend).not.toContain('translator');
    expect(legend).not.toContain('[SIC]');
  });
});

describe('TEI examples (egXML)', () => {
  it('are shown as markup, and the rules do not check their ids (it was rendered as text, and "a" reported as a duplicate id)', async () => {
    expect(renderCase('11-egXML.xml', { to: 'html' })).toContain('<pre class="egXML"><code>&lt;castList&gt;&lt;castItem xml:id="a"&gt;Hamlet&lt;/castItem&gt;&lt;/castList&gt;</code></pre>');
    expect(textPart(renderCase('11-egXML.xml', { to: 'text', view: 'reading' }))).toBe('Example: <castList><castItem xml:id="a">Hamlet</castItem></castList> <castItem xml:id="a">Hamlet</castItem>');
    const { compileSchema, validateDocument } = await import('../src/validate/index.js');
    const schema = await compileSchema(`${ROOT}schema/tei_all.rng`);
    const result = validateDocument(readFileSync(`${MINIMAL}11-egXML.xml`), '11-egXML.xml', { schema, rules: ['generic'] });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
  });
});

describe('real TEI of other kinds (test/fixtures/foreign/more): every render, nearly every word', () => {
  const MORE = `${FIXTURES}foreign/more/`;
  const decode = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  /** The words of a TEI's <text>: a line break inside a word (break="no") joins its halves. */
  const teiTextWords = (tei: string): string[] => {
    const text = tei.slice(tei.search(/<text[\s>]/), tei.lastIndexOf('</text>'));
    return words(decode(text.replace(/\s*<lb\b[^>]*break="no"[^>]*\/>\s*/g, '').replace(/<[^>]+>/g, ' ')));
  };
  const outputWords = (output: string, html: boolean): string[] =>
    words(html ? decode(output.replace(/<(style|title)[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')) : output);
  /** Share of the needed words (as a multiset) that the output holds. */
  const kept = (needed: readonly string[], have: readonly string[]): number => {
    const counts = new Map<string, number>();
    for (const word of have) counts.set(word, (counts.get(word) ?? 0) + 1);
    let found = 0;
    for (const word of needed) {
      const left = counts.get(word) ?? 0;
      if (left > 0) {
        found += 1;
        counts.set(word, left - 1);
      }
    }
    return found / needed.length;
  };

  it.each(['gerdracor-gryphius-absurda-comica.xml', 'parlamint-tr-2018-07-07.xml', 'pta-pta0001.pta030-apparatus.xml', 'openarabicpe-al-zuhur-issue-2.xml'])('%s', (name) => {
    const tei = readFileSync(`${MORE}${name}`, 'utf8');
    const needed = teiTextWords(tei);
    expect(needed.length).toBeGreaterThan(1000);
    for (const options of VIEWS) {
      const result = render(tei, name, options);
      expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
      expect(kept(needed, outputWords(result.output ?? '', options.to === 'html')), `${options.to} ${options.view ?? ''}`).toBeGreaterThanOrEqual(0.995);
    }
  });
});

describe('a manuscript description (msDesc)', () => {
  it('is shown as one, in both outputs: identifier, contents, physical description, history (it was not rendered)', () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>MS. A 1</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><msDesc><msIdentifier><settlement>Oxford</settlement><repository>Bodleian Library</repository><idno>MS. A 1</idno></msIdentifier><msContents><msItem><locus>fols. 1r–4v</locus><title>De uirtutibus</title></msItem></msContents><physDesc><objectDesc><supportDesc><support><p>Parchment.</p></support></supportDesc></objectDesc></physDesc><history><origin><p>England, <origDate notBefore="1200" notAfter="1225">13th century, first quarter</origDate>.</p></origin></history></msDesc></sourceDesc></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>`;
    const html = render(tei, 'ms.xml', { to: 'html' }).output ?? '';
    const section = html.slice(html.indexOf('<details id="manuscript"'));
    expect(section).toMatch(/^<details id="manuscript" class="panel" open="open"><summary><h2 id="manuscript-heading">Manuscript<\/h2><\/summary><h3 class="manuscript-part">Identifier<\/h3><p>Oxford, Bodleian Library, MS\. A 1<\/p><h3 class="manuscript-part">Contents<\/h3>/);
    for (const words of ['fols. 1r–4v', 'De uirtutibus', 'Parchment.', '13th century, first quarter']) expect(section).toContain(words);
    const text = render(tei, 'ms.xml', { to: 'text', view: 'reading' }).output ?? '';
    expect(text).toContain('Identifier:\n  Oxford, Bodleian Library, MS. A 1\n');
    expect(text).toContain('Physical description:\n  Parchment.');
    expect(text).toContain('Date: 13th century, first quarter');
  });
});

describe('a corpus of included members (teiCorpus + XInclude)', () => {
  const CORPUS = `${FIXTURES}foreign/minimal-cases/15-teiCorpus-xinclude.xml`;

  it('is rendered as one corpus: each member under its title, in both outputs (its text was left out)', () => {
    const page = render(readFileSync(CORPUS), CORPUS, { to: 'html' });
    expect(page.diagnostics).toEqual([]);
    expect(page.output).toMatch(/<section class="member" aria-labelledby="member-1"><h2 id="member-1" class="member-title">t<\/h2>.*Included session text\.<\/p>/s);
    expect(render(readFileSync(CORPUS), CORPUS, { to: 'text', view: 'reading' }).output).toContain('\n\nT\n\nIncluded session text.\n');
  });

  it('is validated with its members, each as a file of its own (teiCorpus was refused: "Must choose either teiCorpus or TEI")', async () => {
    const { teikitInProcess } = await import('./helpers.js');
    const run = await teikitInProcess(['validate', '--schema', 'tei_all', CORPUS]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 files checked: 2 valid, 0 invalid; 0 errors, 0 warnings.');
  });

  it('follows only local files of the corpus folder, never round, and says why it did not (the fallback stands in)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'teikit-xinclude-'));
    const header = '<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>';
    const corpus = join(folder, 'corpus.xml');
    writeFileSync(corpus, `<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">${header}<xi:include href="../outside.xml"/><xi:include href="https://example.org/member.xml"/><xi:include href="corpus.xml"/><xi:include href="missing.xml"><xi:fallback><TEI>${header}<text><body><p>Stand-in text.</p></body></text></TEI></xi:fallback></xi:include></teiCorpus>`);
    const result = render(readFileSync(corpus), corpus, { to: 'text', view: 'reading' });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((diagnostic) => diagnostic.reason.replace(/^XInclude of "([^"]*)" was not followed: ([^;]*);.*$/, '$1: $2'))).toEqual([
      '../outside.xml: it leads out of the corpus folder',
      'https://example.org/member.xml: only local files are followed, never a URL',
      'corpus.xml: it includes a file that is including it',
      'missing.xml: the file cannot be read',
    ]);
    expect(result.output).toContain('Stand-in text.');
  });
});

describe('speakers described in another file (ParlaMint: the corpus root)', () => {
  it('are named from the persons file given to render, in the text editions and the participants (ids before)', async () => {
    const { teikitInProcess } = await import('./helpers.js');
    const folder = mkdtempSync(join(tmpdir(), 'teikit-persons-'));
    const persons = join(folder, 'root.xml');
    writeFileSync(persons, '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Root</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc><profileDesc><particDesc><listPerson><person xml:id="SantalicesMiguelÁngel"><persName>Miguel Ángel Santalices</persName></person></listPerson></particDesc></profileDesc></teiHeader><text><body><p/></body></text></TEI>');
    const session = `${FIXTURES}foreign/parlamint-es-ga-2019-04-29-DSPG111.xml`;
    const named = await teikitInProcess(['render', session, '--to', 'text', '--persons', persons]);
    expect(named.status).toBe(0);
    expect(named.stdout).toContain('\n[Miguel Ángel Santalices] Boa tarde.');
    const page = await teikitInProcess(['render', session, '--to', 'html', '--persons', persons]);
    expect(page.stdout).toMatch(/<li>Miguel Ángel Santalices — turns:\s/);
    // Without it, the ids stand in; a persons file that is not XML is an error, not a crash.
    expect((await teikitInProcess(['render', session, '--to', 'text'])).stdout).toContain('\n[SantalicesMiguelÁngel] Boa tarde.');
    writeFileSync(persons, 'not xml');
    const broken = await teikitInProcess(['render', session, '--to', 'text', '--persons', persons]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/root\.xml:1:1: error: This file is not XML/);
  });
});
