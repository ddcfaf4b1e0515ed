/**
 * The converter on the genre as it comes: three source layouts, speaker labels of every form,
 * participant lists and legends, letters with enclosures, notes at the end, bracket families.
 * Expected values were read off the sources in test/fixtures/corpus by hand.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, type ConvertResult } from '../src/index.js';
import { TEI_ALL, corpusFiles, elementXml, jing, teikitProblems } from './helpers.js';

const converted = new Map<string, ConvertResult>();
function corpus(prefix: string): ConvertResult & { tei: string } {
  let result = converted.get(prefix);
  if (!result) {
    const file = corpusFiles().find((path) => basename(path).startsWith(`${prefix}-`));
    if (!file) throw new Error(`no corpus document ${prefix}`);
    result = convert(readFileSync(file), { path: file });
    converted.set(prefix, result);
  }
  expect(result.ok).toBe(true);
  return { ...result, tei: result.tei ?? '' };
}

/** `who` of the first `count` turns, in order. */
const turns = (tei: string, count = 10): string[] => [...tei.matchAll(/<sp xml:id="sp\d+" n="\d+" who="#([^"]+)">/g)].slice(0, count).map((match) => match[1] ?? '');
const rules = (result: ConvertResult): string[] => result.diagnostics.map((diagnostic) => diagnostic.ruleId);

describe('layouts are detected', () => {
  it.each([
    ['01', 'wilson-pdf'],
    ['03', 'wilson-pdf'],
    ['05', 'wilson-pdf'],
    ['06', 'wilson-pdf'],
    ['09', 'frus'],
    ['10', 'frus'],
    ['12', 'frus'],
    ['14', 'frus'],
    ['17', 'frus'],
  ])('%s is read as %s', (prefix, layout) => {
    expect(corpus(prefix).report?.layout).toBe(layout);
  });
});

describe('speakers: the first ten turns, as the sources label them', () => {
  it('01: "Comrade Mao Zedong:" and "Comrade Stalin:" alternate', () => {
    expect(turns(corpus('01').tei)).toEqual(Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? 'mao-zedong' : 'stalin')));
  });

  it('09: surname labels resolve to the persons of the "Participants:" list', () => {
    const c = 'claire-lee-chennault';
    const r = 'dean-rusk';
    expect(turns(corpus('09').tei)).toEqual([c, r, c, 'philip-d-sprouse', c, r, c, r, c, r]);
  });

  it('10: one-letter labels resolve through the legend (G—General Chang, C—General Chou, M—General Marshall)', () => {
    const g = 'chang-chih-chung';
    const m = 'g-c-marshall';
    const c = 'chou-en-lai';
    expect(turns(corpus('10').tei)).toEqual([g, m, g, c, g, m, g, m, g, c]);
    // The letters name speakers only: "C–46" in the text is no person.
    expect(corpus('10').tei).not.toMatch(/<persName ref="#[^"]+">[GCM]<\/persName>/);
  });

  it('12: "President:" (a one-word label that recurs) and "Mr. Nelson:" alternate in the enclosure', () => {
    expect(turns(corpus('12').tei)).toEqual(Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? 'president' : 'nelson')));
  });
});

describe('participant lists and legends become listPerson', () => {
  it('09: "Participants:" with one person a line and roles after a comma', () => {
    const tei = corpus('09').tei;
    expect(tei).toContain('<head>Participants</head>');
    expect(tei).toMatch(/<person xml:id="dean-rusk">\s*<persName>Dean Rusk<\/persName>\s*<persName type="alias">Rusk<\/persName>\s*<occupation>Assistant Secretary of State<\/occupation>/);
  });

  it('10: "Present:" and "Also present:" groups; the legend blocks stay in the text', () => {
    const tei = corpus('10').tei;
    expect(tei).toContain('<head>Present</head>');
    expect(tei).toContain('<head>Also present</head>');
    expect(tei).toMatch(/<p xml:id="p\d+" n="\d+">G—General <persName ref="#chang-chih-chung">Chang<\/persName><\/p>|<p xml:id="p\d+" n="\d+">G—<persName ref="#chang-chih-chung">General Chang<\/persName><\/p>/);
  });

  it('17: a heading alone ("Also present:") takes the short name blocks after it', () => {
    const result = corpus('17');
    expect(result.report?.persons.map((person) => person.name)).toEqual(['Caughey', 'Chang']);
    expect(rules(result)).not.toContain('speakers/label-without-speech');
  });
});

describe('the PDF export header', () => {
  it('01: citation, summary and original language are read into the header and kept in the front', () => {
    const tei = corpus('01').tei;
    expect(tei).toContain('<persName xml:id="translator">Danny Rozas</persName>');
    expect(tei).toContain('<idno type="record">111240</idno>');
    expect(tei).toContain('<date when="1949-12-16">December 16, 1949</date>');
    expect(elementXml(tei, 'abstract')).toContain('First meeting between');
    expect(tei).toContain('<textLang>Russian</textLang>');
    expect(tei).toMatch(/<ab type="citation">Citation:\n“Record of Conversation/);
    expect(tei).toContain('<title type="main">Record of Conversation between I.V. Stalin and Chairman of the Central People\'s Government of the People\'s Republic of China Mao Zedong on 16 December 1949</title>');
  });

  it('06: a flattened export still gives its header, and the text is kept whole with a warning', () => {
    const result = corpus('06');
    expect(result.tei).toContain('<title type="main">Report, Peng Dehuai to Mao Zedong and the CCP Central Committee (Excerpt)</title>');
    expect(result.tei).toContain('<date when="1958-06-05">');
    expect(rules(result)).toContain('layout/no-paragraph-breaks');
    expect(elementXml(result.tei, 'body').match(/<p xml:id=/g)).toHaveLength(1);
  });

  it('01: form feeds are page breaks', () => {
    const source = readFileSync(corpusFiles().find((path) => basename(path).startsWith('01-')) ?? '', 'utf8');
    expect(corpus('01').tei.match(/<pb\/>/g)).toHaveLength(source.match(/\f/g)?.length ?? -1);
    expect(corpus('01').tei).not.toContain('U+000C');
  });
});

describe('FRUS documents', () => {
  it('09: [Page N] is a page break where it stands, and note 87 is linked to its number in the text', () => {
    const tei = corpus('09').tei;
    expect(tei).toContain('in the use of our <pb n="521"/> equipment');
    expect(tei).toContain('CAT,<ref type="note" target="#fn-87">87</ref> have');
    expect(tei).toContain('<note xml:id="fn-87" n="87" type="footnote">87. China National Aviation Corporation, Central Air Transport Corporation, and Civil Air Transport, respectively.</note>');
    expect(tei).toContain('<ab type="dateline">[Washington,] May 11, 1949.</ab>');
  });

  it('17: a note number alone on its line is linked too', () => {
    const tei = corpus('17').tei;
    expect(tei).toContain('<ref type="note" target="#fn-35">35</ref>');
    expect(elementXml(tei, 'back')).toContain('Not found in Department files.');
  });

  it('12: a despatch is a letter, and its enclosure holds the meeting record', () => {
    const body = elementXml(corpus('12').tei, 'body');
    // "Sir: In compliance with …" is one paragraph in the source: the salutation stays at its head.
    expect(body).toMatch(/<div type="letter">\s*<p xml:id="p2" n="2"><seg type="salute">Sir:<\/seg> In compliance with the Department’s secret telegram 1293/);
    expect(body).toMatch(/<closer>\s*<salute>Respectfully yours,<\/salute>\s*<signed>C\. E\. Gauss<\/signed>\s*<\/closer>\s*<\/div>\s*<div type="enclosure" n="1">\s*<head>\[Enclosure 1\]<\/head>/);
    const enclosure = body.slice(body.indexOf('<div type="enclosure"'));
    expect(enclosure).toContain('<sp xml:id="sp1"');
  });

  it('14: a translated letter with its salutation and close', () => {
    const body = elementXml(corpus('14').tei, 'body');
    expect(body).toMatch(/<div type="letter">\s*<p xml:id="p2" n="2"><seg type="salute">Dear Mr. President:<\/seg> We received with the greatest gratification/);
    expect(body).toContain('<salute>Yours sincerely,</salute>');
    expect(body).toMatch(/<signed>Dalai Lama Dated 19th Day/);
  });
});

describe('bracket families', () => {
  it('05: omissions "[...]" and "[…]" are gaps; "c[omrade]" is a supplied expansion', () => {
    const tei = corpus('05').tei;
    expect(tei).toContain('<gap reason="omitted" resp="#translator"><desc>...</desc></gap>');
    expect(tei).toContain('<gap reason="omitted" resp="#translator"><desc>…</desc></gap>');
    expect(tei).toContain('c<supplied reason="clarification" resp="#translator">omrade</supplied>');
  });

  it('03: handwritten marginalia, translator\'s notes, "[SIC, …]", nested brackets kept with a warning', () => {
    const result = corpus('03');
    expect(result.report?.brackets['marginal-note']).toBeGreaterThanOrEqual(30);
    expect(result.report?.brackets['translator-note']).toBeGreaterThanOrEqual(2);
    expect(result.tei).toMatch(/<note type="marginal" place="inline" resp="#translator">handwritten in the left margin/);
    expect(result.tei).toContain('<sic xml:id="sic-1">guidelines</sic> <note type="translator" place="inline" resp="#translator" target="#sic-1" n="SIC">plural</note>');
    expect(rules(result)).toContain('brackets/nested');
  });

  it('01: a signature and a classification stamp described in brackets', () => {
    const tei = corpus('01').tei;
    expect(tei).toContain('<note type="signature" place="inline" resp="#translator">signature illegible 31/XII</note>');
  });

  it('10: a doubtful reading "[by?]" inside a sentence is supplied with cert="low"', () => {
    expect(corpus('10').tei).toContain('will be <supplied reason="clarification" cert="low">by</supplied> three names');
  });
});

describe('the per-document report', () => {
  it('says what the header has and lacks, and counts turns, notes and bracket families', () => {
    const report = corpus('09').report;
    expect(report?.header.found).toEqual(['title', 'date', 'archive', 'record id']);
    expect(report?.header.missing).toEqual(['translator', 'summary', 'original language', 'rights']);
    expect(report?.notes).toBe(1);
    expect(report?.brackets.page).toBe(3);
    expect(report?.turns).toBeGreaterThan(30);
  });
});

describe('rules that must hold beyond the corpus', () => {
  const pdf = (body: string): string =>
    `June 1, 1950\nA Memo Title\n\nCitation:\n"A Memo Title," June 1, 1950, History and Public Policy Program Digital Archive, AVPRF, f. 1, op. 2, d. 3, l. 4. Translated by Jane Doe.\nhttps://digitalarchive.wilsoncenter.org/document/999\n\nSummary:\nShort.\n\nContents:\n English Translation\n\n${body}\n`;

  it('reads a PDF export whose banner is missing', () => {
    const result = convert(pdf('Stalin: Good day.\n\nMao: Hello.\n\nStalin: Yes.'), { path: 'memo.txt' });
    expect(result.report?.layout).toBe('wilson-pdf');
    expect(result.tei).toContain('<persName xml:id="translator">Jane Doe</persName>');
  });

  it('takes a one-word label that occurs once when the document is a dialogue', () => {
    const result = convert(pdf('Stalin: Good day.\n\nMao: Hello.\n\nStalin: Yes.'), { path: 'memo.txt' });
    expect(turns(result.tei ?? '')).toEqual(['stalin', 'mao', 'stalin']);
  });

  it('ends the header with the last field\'s block when there is no "Contents:" list', () => {
    const source = 'June 1, 1950\nA Memo Title\n\nCitation:\n"A Memo Title," June 1, 1950, History and Public Policy Program Digital Archive, AVPRF. Translated by Jane Doe.\n\nOriginal Language:\nRussian\n\nStalin: Good day.\n\nMao: Hello.\n\nStalin: Yes.\n';
    const result = convert(source, { path: 'memo.txt' });
    expect(result.tei).toContain('<ab type="original-language">Original Language:\nRussian</ab>');
    expect(turns(result.tei ?? '')).toEqual(['stalin', 'mao', 'stalin']);
  });

  it('does not take "Word:" for a label in a document without dialogue', () => {
    const result = convert(pdf('Moscow: the meeting was held in the Kremlin.\n\nIt ended late.'), { path: 'memo.txt' });
    expect(turns(result.tei ?? '')).toEqual([]);
  });
});

describe('the web record', () => {
  it('does not take a speaker label standing right after the title for the description line', () => {
    const source = 'September 20, 1956\n\nA Title\n\nCde. Peng Dehuai\n\nWe agree.\n\nThe summary.\n\nDocument Information\n\nRecord ID\n\n1\n';
    const result = convert(source, { path: 'web.txt' });
    expect(result.report?.layout).toBe('wilson-web');
    expect(turns(result.tei ?? '')).toEqual(['peng-dehuai']);
    expect(result.tei).toContain('<speaker rend="block">Cde. Peng Dehuai</speaker>');
  });
});

describe('labels with ranks and inconsistent spellings', () => {
  const source = 'Title\n\nParticipants: Maj. Gen. Claire Lee Chennault\nDean Rusk, Assistant Secretary of State\n\nGen. Chennault: We go.\n\nRusk: Why?\n\nChenault: Because.\n\nRusk: Fine.\n';

  it('resolves a rank before a known name and a one-letter misspelling to the listed person, with a warning for the spelling', () => {
    const result = convert(source, { path: 'variants.txt' });
    expect(turns(result.tei ?? '')).toEqual(['claire-lee-chennault', 'dean-rusk', 'claire-lee-chennault', 'dean-rusk']);
    expect(result.tei).toContain('<speaker rend="inline">Gen. Chennault:</speaker>');
    const warning = result.diagnostics.find((diagnostic) => diagnostic.ruleId === 'persons/label-spelling-variant');
    expect(warning?.reason).toContain('"Chenault"');
    expect(warning?.place?.start.line).toBe(source.split('\n').indexOf('Chenault: Because.') + 1);
    expect(result.tei).toContain('<persName type="variant">Chenault</persName>');
  });
});

describe('document dates', () => {
  it('14: a letter without a dateline is dated from its closing lines', () => {
    expect(corpus('14').tei).toContain('<date when="1943-02-24">24th February 1943</date>');
  });

  it('09: a FRUS dateline gives the date as written there', () => {
    expect(corpus('09').tei).toContain('<date when="1949-05-11">May 11, 1949</date>');
  });
});

describe('variants of the PDF export and of labels met in the wild', () => {
  it('reads a banner that starts with a page number and names the site last, and "translation by"', () => {
    const source =
      '1 Digital Archive International History Declassified digitalarchive.wilsoncenter.org November 05, 1962 Memorandum of Conversation, X with Y Citation: Memorandum of Conversation, X with Y, November 05, 1962, History and Public Policy Program Digital Archive, Some Ministry archives; translation by Jane Roe. Summary: X and Y talk. Original Language: Russian Contents: English Translation\n\n2 Top Secret MEMORANDUM OF CONVERSATION\n';
    const result = convert(source, { path: 'wild.txt' });
    expect(result.tei).toContain('<ab type="banner">1 Digital Archive International History Declassified digitalarchive.wilsoncenter.org</ab>');
    expect(result.tei).toContain('<date when="1962-11-05">November 05, 1962</date>');
    expect(result.tei).toContain('<persName xml:id="translator">Jane Roe</persName>');
  });

  it('takes a surname in capitals, with initials, as a label ("O. YORICK."), not a sentence about a person', () => {
    const source = 'Title\n\nA.I. XAVIER expressed his sympathy.\n\nO. YORICK. We have analyzed the proposals.\n\nA.I. XAVIER. Thank you.\n';
    const result = convert(source, { path: 'caps.txt', layout: 'plain' });
    expect(turns(result.tei ?? '')).toEqual(['o-yorick', 'a-i-xavier']);
    expect(result.tei).toContain('<speaker rend="inline">O. YORICK.</speaker>');
  });
});

describe('a FRUS document copied from the web page', () => {
  const source =
    '136. Memorandum of Conversation\n\nSUBJECT\n\n  • Berlin\n\nPARTICIPANTS\n\n  • U.S.\n    • The Secretary\n    • Mr. Akalovsky\n  • U.S.S.R.\n    • Foreign Minister Gromyko\n    • Mr. Sukhodrev (Interp.)\n\nAfter dinner, the Secretary and Mr. Gromyko conversed alone.\n\nMr. Gromyko said that he wished to clarify the points,1 and it appreciated the [Page 377] rapprochement.\n\n  1. Source: Department of State files.\n';

  it('is read as FRUS: numbered title, bulleted participants grouped by delegation, notes and page markers', () => {
    const result = convert(source, { path: 'web-frus.txt' });
    expect(result.report?.layout).toBe('frus');
    expect(result.report?.persons).toEqual([
      { id: 'the-secretary', name: 'The Secretary', group: 'U.S.' },
      { id: 'akalovsky', name: 'Akalovsky', group: 'U.S.' },
      { id: 'gromyko', name: 'Gromyko', group: 'U.S.S.R.' },
      { id: 'sukhodrev', name: 'Sukhodrev', group: 'U.S.S.R.' },
    ]);
    expect(result.tei).toContain('<occupation>Interp.</occupation>');
    expect(result.tei).toContain('points,<ref type="note" target="#fn-1">1</ref> and');
    expect(result.tei).toContain('<pb n="377"/>');
  });
});

describe('right-aligned and centred lines of a PDF export', () => {
  it('05: the signature set far to the right is marked rend="align(right)", and the convention declared', () => {
    const tei = corpus('05').tei;
    expect(tei).toMatch(/<p xml:id="p\d+" n="\d+" rend="align\(right\)"> {20,}Filippov\."<\/p>/);
    expect(tei).toContain('<p n="layout/aligned">');
  });

  it('03: lines indented far but ending short of the right margin are centred', () => {
    expect(corpus('03').tei).toMatch(/<p xml:id="p\d+" n="\d+" rend="align\(center\)"> +to Cde\. I\. V\. STALIN<\/p>/);
    // "Top Secret" on the first page is the page's classification, before the right-aligned line.
    expect(corpus('03').tei).toMatch(/rend="align\(right\)"><pb\/><fw type="classification">Top Secret<\/fw> +Translation from Chinese/);
  });
});

describe('a letter with its salutation alone in its block', () => {
  it('opens the letter with the salutation and closes it with any complimentary close, valid against tei_all', () => {
    const source = 'Title\n\nDear Comrade Ivanov:\n\nWe thank you.\n\nWith communist greetings,\n\nI. Petrov\n';
    const tei = convert(source, { path: 'letter.txt' }).tei ?? '';
    expect(elementXml(tei, 'body')).toMatch(/<div type="letter">\s*<opener>\s*<salute>Dear Comrade Ivanov:<\/salute>\s*<\/opener>\s*<p xml:id="p1" n="1">We thank you\.<\/p>\s*<closer>\s*<salute>With communist greetings,<\/salute>\s*<signed>I\. Petrov<\/signed>/);
    const file = join(mkdtempSync(join(tmpdir(), 'teikit-letter-')), 'letter.xml');
    writeFileSync(file, tei);
    expect(jing(TEI_ALL, [file])).toEqual({ validated: 1, errors: [] });
  });
});

describe('a salutation run on into the first paragraph', () => {
  it('stays at the head of its paragraph, so the source\'s paragraphs are the edition\'s, valid against tei_all and teikit.rng', async () => {
    const source = 'A Despatch\n\nSir: I have the honor to report.\n\nThe talks went well.\n\nRespectfully yours,\n\nC. E. Gauss\n';
    const tei = convert(source, { path: 'despatch.txt' }).tei ?? '';
    expect(elementXml(tei, 'body')).toMatch(/^<body>\s*<div type="letter">\s*<p xml:id="p1" n="1"><seg type="salute">Sir:<\/seg> I have the honor to report\.<\/p>\s*<p xml:id="p2" n="2">The talks went well\.<\/p>\s*<closer>/);
    expect(tei).toContain('the salutation stays at the head of its paragraph as &lt;seg type="salute"&gt;');
    expect(tei).not.toContain('encoded as &lt;opener&gt;&lt;salute&gt;');
    const file = join(mkdtempSync(join(tmpdir(), 'teikit-letter-')), 'despatch.xml');
    writeFileSync(file, tei);
    expect(jing(TEI_ALL, [file])).toEqual({ validated: 1, errors: [] });
    expect(await teikitProblems([file])).toEqual([expect.stringContaining('[teikit/header-translator]')]);
  });

  it('is an office in the vocative ("Mr. Secretary:") where it opens the text, and a speaker label where it recurs', () => {
    const memo = convert('A Memorandum\n\nMr. Secretary: We feel that the plan is sound.\n\nM. M. H.\n', { path: 'memo.txt' }).tei ?? '';
    expect(elementXml(memo, 'body')).toContain('<p xml:id="p1" n="1"><seg type="salute">Mr. Secretary:</seg> We feel that the plan is sound.</p>');
    expect(memo).not.toContain('<sp ');
    const dialogue = convert('A Record\n\nMr. Secretary: We feel that the plan is sound.\n\nMr. Ambassador: We do not.\n\nMr. Secretary: Then we wait.\n', { path: 'record.txt' }).tei ?? '';
    expect(dialogue).not.toContain('type="salute"');
    expect(dialogue.match(/<speaker rend="inline">Mr\. Secretary:<\/speaker>/g)).toHaveLength(2);
  });
});

describe('a note number glued to a label\'s colon ("S:61 I will …")', () => {
  it('opens the speech, and the number is the note\'s reference', () => {
    const source = '[Document 1]\n\nA Transcript\n\n[Washington,] May 1, 1946.\n\nS: We begin.\n\nR:61 I will interpret.\n\nS: Thank you.\n\nR: Not at all.\n\n61. The interpreter.\n';
    const body = elementXml(convert(source, { path: 'transcript.txt' }).tei ?? '', 'body');
    expect(body).toMatch(/<speaker rend="inline">R:<\/speaker>\s*<p xml:id="p2" n="2"><ref type="note" target="#fn-61">61<\/ref> I will interpret\.<\/p>/);
    expect(body.match(/<sp /g)).toHaveLength(4);
  });
});

describe('a letter known only by its close (found by the build benchmark: a variant without salutation)', () => {
  it('puts the text before the close into the letter, valid against teikit.rng and tei_all', async () => {
    const original = readFileSync(corpusFiles().find((path) => basename(path).startsWith('14-')) ?? '', 'utf8');
    const source = original.replace(/\n\nDear Mr\. President:[^\n]*\n/, '\n');
    expect(source.length).toBeLessThan(original.length);
    expect(source).not.toContain('Dear Mr. President:');
    const tei = convert(source, { path: '14-no-salutation.txt' }).tei ?? '';
    expect(elementXml(tei, 'body')).toMatch(/^<body>\s*<div type="letter">\s*<p xml:id="p1" n="1">[\s\S]*<closer>\s*<salute>Yours sincerely,<\/salute>[\s\S]*<\/closer>\s*<\/div>\s*<\/body>$/);
    const file = join(mkdtempSync(join(tmpdir(), 'teikit-letter-')), 'letter.xml');
    writeFileSync(file, tei);
    expect(jing(TEI_ALL, [file])).toEqual({ validated: 1, errors: [] });
    // FRUS names no translator: that warning is the only finding.
    expect(await teikitProblems([file])).toEqual([expect.stringContaining('warning: The header does not name the translator. [teikit/header-translator]')]);
  });
});

describe('FRUS documents of the gold corpus (test/fixtures/corpus-frus)', () => {
  const frus = (body: string): string => {
    const result = convert(new TextEncoder().encode(`793.94/1\n\n[Document 1]\n\n${body}`), { path: 'frus.txt' });
    expect(result.ok).toBe(true);
    return result.tei ?? '';
  };

  it('should read "Q." and "A." as speaker labels where both open paragraphs, and not a lone initial', () => {
    const tei = frus('Transcript of a Press Conference\n\n[Washington,] April 2, 1945.\n\nQ. What war lords did you have in mind?\n\nA. Well, I have in mind the armed parties.\n\nQ. Yes.\n\nA. I mean some of the war lords.\n');
    expect(tei).toContain('<speaker rend="inline">Q.</speaker>');
    expect(tei).toContain('<speaker rend="inline">A.</speaker>');
    expect(turns(tei)).toEqual(['q', 'a', 'q', 'a']);
    const initial = frus('A Memorandum\n\n[Washington,] April 2, 1945.\n\nA. Smith came to see me about the loan.\n\nHe said that it was urgent.\n');
    expect(initial).not.toContain('<sp ');
  });

  it('should anchor the source note glued to the title, and keep its number out of the header title', () => {
    // As in frus1941v04-d319: "…(Service)14" with note 14 at the end.
    const tei = frus('Memorandum of Conversation, by the Third Secretary (Service)14\n\n[Chungking,] September 10, 1941.\n\nThe Ambassador called on the Minister.\n\n14. Copy transmitted to the Department.\n');
    expect(tei).toContain('<title type="main">Memorandum of Conversation, by the Third Secretary (Service)</title>');
    expect(tei).toContain('<ab type="title">Memorandum of Conversation, by the Third Secretary (Service)<ref type="note" target="#fn-14">14</ref></ab>');
    expect(tei).toContain('<note xml:id="fn-14" n="14" type="footnote">14. Copy transmitted to the Department.</note>');
    // The source note also describes the source in the header.
    expect(tei).toContain('<note type="field" n="Source note">Copy transmitted to the Department.</note>');
    expect(tei).not.toMatch(/<p [^>]*>14\. Copy/);
  });

  it('should read a note number after a space at the end of the title, and a lettered note ("72. a …" for "72a")', () => {
    // As in frus1941v05-d985: "…Ballantine 72", and "case;72a" referring to the second "72." note.
    const tei = frus('Memorandum of Conversation, by Mr. Joseph W. Ballantine 72\n\n[Washington,] November 12, 1941.\n\nHe gave information concerning this case;72a that was all.\n\n72. Mr. Ballantine was a Foreign Service officer.\n\n72. a “Detention and Removal” of two citizens.\n');
    expect(tei).toContain('<title type="main">Memorandum of Conversation, by Mr. Joseph W. Ballantine</title>');
    expect(tei).toContain('<ref type="note" target="#fn-72">72</ref></ab>');
    expect(tei).toContain('this case;<ref type="note" target="#fn-72a">72a</ref> that was all.');
    expect(tei).toContain('<note xml:id="fn-72a" n="72a" type="footnote">72. a “Detention and Removal” of two citizens.</note>');
  });
});

describe('FRUS header lines, closes and note numbers (test/fixtures/corpus-frus)', () => {
  const frus = (body: string): string => {
    const result = convert(new TextEncoder().encode(`893.00/1\n\n[Document 1]\n\n${body}`), { path: 'frus.txt' });
    expect(result.ok).toBe(true);
    return result.tei ?? '';
  };

  it('should read the dateline after a line such as "[Extracts]8" or "No. 45", and a telegram\'s "[Received …]" with it', () => {
    // As in frus1945v07-d454 and frus1941v05-d557 / d821.
    const tei = frus('Minutes of the Meeting\n\n[Extracts]8\n\n[Washington,] November 6, 1945.\n\n[Received November 7—9 a.m.]\n\nMr. McCloy said that a cable had come.\n\n8. Sections omitted.\n');
    expect(tei).toContain('<date when="1945-11-06">');
    expect(tei).toContain('<ab type="preamble">[Extracts]<ref type="note" target="#fn-8">8</ref></ab>');
    expect(tei).toContain('<ab type="dateline">[Washington,] November 6, 1945.</ab>');
    expect(tei).toContain('<ab type="received">[Received November 7—9 a.m.]</ab>');
    expect(tei).toContain('<note xml:id="fn-8" n="8" type="footnote">8. Sections omitted.</note>');
    expect(tei).toMatch(/<p xml:id="p1" n="1">Mr\. McCloy said/);
  });

  it('should close a letter with "Accept [etc.]" and read a note number glued to a year ("July 28, 194899")', () => {
    // As in frus1945v07-d838 and frus1948v08-d222.
    const tei = frus('The Chinese Ambassador to the Secretary of State\n\nWashington, July 30, 1948.\n\nSir: Lovett wrote to you on July 28, 194899 about the gasoline.\n\nAccept [etc.]\n\nWei Tao-ming\n\n99. Not printed.\n');
    expect(tei).toContain('<salute>Accept [etc.]</salute>');
    expect(tei).toContain('<signed>Wei Tao-ming</signed>');
    expect(tei).toContain('July 28, 1948<ref type="note" target="#fn-99">99</ref> about');
    expect(tei).toContain('<note xml:id="fn-99" n="99" type="footnote">99. Not printed.</note>');
  });
});

describe('the editorialDecl says what this edition\'s layout did', () => {
  it('should state the header sentence of the layout that read the source, and no other layout\'s', () => {
    const frusDecl = elementXml(corpus('09').tei, 'editorialDecl');
    expect(frusDecl).toContain('<p n="header/frus">The FRUS document’s own header'.replace('’', "'"));
    expect(frusDecl).not.toContain('Document Information');
    const pdfDecl = elementXml(corpus('01').tei, 'editorialDecl');
    expect(pdfDecl).toContain('<p n="header/wilson-pdf">');
    expect(pdfDecl).not.toContain('Document Information');
    expect(pdfDecl).not.toContain('header/frus');
  });
});

describe('labels and speech ends the corpus does not show (issue 11)', () => {
  const decisions = (source: string) => {
    const result = convert(new TextEncoder().encode(source), { path: 'probe.txt' });
    expect(result.ok).toBe(true);
    return { tei: result.tei ?? '', rows: (result.report?.decisions ?? []).map((decision) => [decision.firstWords.split(' ').slice(0, 3).join(' '), decision.role, decision.speaker ?? '-']) };
  };

  it('should read a rank or title before a name no list declares, a quotation after the label, and capitals', () => {
    const { rows, tei } = decisions('[Document 12]\n\nMemorandum for the Record\n\n[Washington,] March 10, 1950.\n\nGen. Marshall: “I think we should wait.”\n\nSecretary Rusk: “We cannot wait.”\n\nCIA Director Helms: “The estimate is ready.”\n\nMaj. Gen. Chennault said that the airline could carry it.\n\nAmb. Bohlen: “Moscow will not like it.”\n\nLBJ: Keep me posted.\n');
    expect(rows.slice(-6)).toEqual([
      ['Gen. Marshall: “I', 'speech', 'marshall'],
      ['Secretary Rusk: “We', 'speech', 'rusk'],
      ['CIA Director Helms:', 'speech', 'cia-director-helms'],
      ['Maj. Gen. Chennault', 'narrative', '-'],
      ['Amb. Bohlen: “Moscow', 'speech', 'bohlen'],
      ['LBJ: Keep me', 'speech', 'lbj'],
    ]);
    expect(tei).toContain('<speaker rend="inline">Gen. Marshall:</speaker>');
  });

  it('should read numbered query and answer labels, and end the last answer at a third-person paragraph and a signature', () => {
    const { rows, tei } = decisions('[Document 3]\n\nTelegram\n\nTokyo, May 2, 1946.\n\n1. Query: Will the army withdraw?\n\nAnswer: Not before June.\n\n2. Query: What of the navy?\n\nAnswer: It stays.\n\nThe Ambassador added that he would report again.\n\nAtcheson\n');
    expect(rows).toEqual([
      ['1. Query: Will', 'speech', 'query'],
      ['Answer: Not before', 'speech', 'answer'],
      ['2. Query: What', 'speech', 'query'],
      ['Answer: It stays.', 'speech', 'answer'],
      ['The Ambassador added', 'narrative', '-'],
      ['Atcheson', 'narrative', '-'],
    ]);
    expect(tei).toContain('<speaker rend="inline">1. Query:</speaker>');
  });

  it('should place a page marker before a label ahead of the speech, and read the label', () => {
    const { rows, tei } = decisions('[Document 59]\n\nTelephone Conversation\n\nWashington, January 20, 1964.\n\nLBJ: Dean, what is the news?\n\nDR: Nothing new.\n\n[Page 120] DR: I will.\n\nDr. Tong then referred to the north.\n');
    expect(rows.slice(-2)).toEqual([
      ['[Page 120] DR:', 'speech', 'dr'],
      ['Dr. Tong then', 'narrative', '-'],
    ]);
    expect(tei).toMatch(/Nothing new\.<pb n="120"\/><\/p>\s*<\/sp>\s*<sp xml:id="sp3" n="3" who="#dr">\s*<speaker rend="inline">DR:<\/speaker>\s*<p xml:id="p\d+" n="\d+">I will\.<\/p>/);
  });
});

describe('a header of "Heading: value" lines (layout field-header)', () => {
  const source = 'Title: Conversation between Mao Zedong and Kim Il Sung\nAuthor: Unknown\nDate: May 15, 1950\nSource: Archive of the President, Russian Federation. Translated by Jane Roe.\nDescription: A conversation on the war plan.\n\nMao Zedong: We support the plan.\n\nKim Il Sung: Thank you.\n';

  it('should read title, date, source, translator and description into the header, and keep the lines in the front', () => {
    const result = convert(new TextEncoder().encode(source), { path: 'compilation.txt' });
    expect(result.report?.layout).toBe('field-header');
    const tei = result.tei ?? '';
    expect(tei).toContain('<title type="main">Conversation between Mao Zedong and Kim Il Sung</title>');
    expect(tei).toContain('<date when="1950-05-15">May 15, 1950</date>');
    expect(tei).toContain('<persName xml:id="translator">Jane Roe</persName>');
    expect(tei).toMatch(/<abstract source="#online-record">\s*<p>A conversation on the war plan\.<\/p>/);
    expect(tei).toContain('<note type="field" n="Author">Unknown</note>');
    expect(tei).toContain('<ab type="field">Source: Archive of the President, Russian Federation. Translated by Jane Roe.</ab>');
    expect(turns(tei)).toEqual(['mao-zedong', 'kim-il-sung']);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
  });

  it('should not take a dialogue of "Name: words" lines for a header', () => {
    const dialogue = convert(new TextEncoder().encode('A Record\n\nMao Zedong: We support the plan.\nKim Il Sung: Thank you.\nMao Zedong: Good.\n'), { path: 'dialogue.txt' });
    expect(dialogue.report?.layout).not.toBe('field-header');
  });
});

describe('a flattened export (no line breaks at all)', () => {
  const flat = 'Digital Archive digitalarchive.wilsoncenter.org International History Declassified June 05, 1958 Memo of a Conversation Citation: "Memo," June 05, 1958, History and Public Policy Program Digital Archive, AVPRF, f. 1. Translated by Jane Roe. Summary: A talk. Original Language: Russian Contents: English Translation The meeting began at noon. However, China and Xinjiang were discussed and Tibet was present in every mind. Comrade Mao Zedong: We support the plan. It is good. Comrade Kim Il Sung: Thank you. Nevertheless, the talks went on.\n';

  it('should divide the text where a label with a form of address starts, say so, and make no person of prose', () => {
    const result = convert(new TextEncoder().encode(flat), { path: 'flat.txt' });
    expect(result.report?.layout).toBe('wilson-pdf');
    expect(result.report?.decisions.map((decision) => [decision.role, decision.speaker ?? '-'])).toEqual([
      ['narrative', '-'],
      ['speech', 'mao-zedong'],
      ['speech', 'kim-il-sung'],
    ]);
    expect(result.report?.persons.map((person) => person.name)).toEqual(['Mao Zedong', 'Kim Il Sung']);
    const tei = result.tei ?? '';
    expect(tei).toContain('<p n="layout/paragraphing">The export has no line or paragraph breaks;');
    expect(rules(result)).toContain('layout/no-paragraph-breaks');
    // Every character of the text is kept: the divided paragraphs put together give it back.
    expect(tei).toContain('The meeting began at noon. However, China and Xinjiang were discussed and Tibet was present in every mind. </p>');
  });
});

describe('header facts of a FRUS memorandum: classification, subject, a participant list run together', () => {
  it('should keep them in the text and read them into the header', () => {
    const source = '[Document 7]\n\nMemorandum of Conversation\n\nTOP SECRET\n\nLIMITED DISTRIBUTION ONLY\n\n[Washington,] March 10, 1950.\n\nSubject: Korea\n\nParticipants: Mr. Yakov Malik, USSR Delegation Mr. Troyanowsky, USSR Delegation Mr. Dean Rusk, Assistant Secretary of State\n\nMr. Malik opened the conversation.\n\nMalik: We want peace.\n\nRusk: So do we.\n';
    const result = convert(new TextEncoder().encode(source), { path: 'memo.txt' });
    const tei = result.tei ?? '';
    expect(tei).toContain('<date when="1950-03-10">March 10, 1950</date>');
    expect(tei).toContain('<ab type="classification">TOP SECRET</ab>');
    expect(tei).toContain('<note type="field" n="Classification">LIMITED DISTRIBUTION ONLY</note>');
    expect(tei).toContain('<term type="subject">Korea</term>');
    expect(result.report?.persons.map((person) => [person.id, person.group])).toEqual([
      ['yakov-malik', 'Participants'],
      ['troyanowsky', 'Participants'],
      ['dean-rusk', 'Participants'],
    ]);
    expect(turns(tei)).toEqual(['yakov-malik', 'dean-rusk']);
  });
});

describe('participant entries with the office first and a closing period', () => {
  it('should take the person, not the office, as the name, and leave the list\'s period out of it', () => {
    // As in frus1941v04-d319.
    const result = convert(new TextEncoder().encode('[Document 319]\n\nMemorandum of Conversation\n\n[Chungking,] September 10, 1941.\n\nPresent: The Minister of Foreign Affairs, Dr. Quo Tai-chi.\nThe American Ambassador, Mr. Gauss.\nMr. Service.\n\nThe Ambassador called on the Minister.\n'), { path: 'present.txt' });
    expect(result.report?.persons.map((person) => [person.id, person.name])).toEqual([
      ['quo-tai-chi', 'Quo Tai-chi'],
      ['gauss', 'Gauss'],
      ['service', 'Service'],
    ]);
    expect(result.tei).toContain('<occupation>The Minister of Foreign Affairs</occupation>');
  });
});

describe('a FRUS document copied from the web page (numbered title, no [Document N])', () => {
  it('should read the document number from the title', () => {
    // As in frus1964-68v16-d59.
    const result = convert(new TextEncoder().encode('59. Telephone Conversation Between President Johnson and Secretary of State Rusk\n\nWashington, June 9, 1964, 6:30 p.m.\n\nLBJ: Dean, what is the news?\n\nDR: Nothing [Page 120] new.\n'), { path: 'web.txt' });
    expect(result.report?.layout).toBe('frus');
    expect(result.tei).toContain('<idno type="record">59</idno>');
    expect(result.report?.header.found).toContain('record id');
  });
});

describe('page-only blocks', () => {
  it('should read a run of form feeds as page breaks, and a block of form feeds then text as text (no backtracking blow-up)', () => {
    // 40 form feeds then a word took hours with overlapping quantifiers; now it is linear.
    const text = convert(new TextEncoder().encode(`A Record\n\nThe talks began.\n\n${'\f'.repeat(40)}x\n`), { path: 'ff.txt' });
    expect(text.report?.decisions.at(-1)?.role).toBe('narrative');
    const breaks = convert(new TextEncoder().encode(`A Record\n\nThe talks began.\n\n\f\f [Page 3]\n\nThey went on.\n`), { path: 'ff2.txt' });
    expect(breaks.report?.decisions.map((decision) => decision.role)).toEqual(['narrative', 'pagebreak', 'narrative']);
  });
});
