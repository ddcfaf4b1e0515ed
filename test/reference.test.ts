/**
 * The reference document (Wilson Center record 121798), converted with its manifest.
 * Every expectation here was read off the source text by hand, not off teikit's output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convert, type ConvertResult, type Speech } from '../src/index.js';
import {
  REFERENCE_MANIFEST,
  REFERENCE_SOURCE,
  REFERENCE_TEI,
  elementXml,
  readText,
  words,
  wordsWithoutMarkers,
  xmlText,
} from './helpers.js';

const convertReference = (withManifest = true): ConvertResult =>
  convert(readFileSync(REFERENCE_SOURCE), {
    path: 'editions/wilson-121798/source.txt',
    ...(withManifest ? { manifest: { text: readText(REFERENCE_MANIFEST), path: 'editions/wilson-121798/edition.json' } } : {}),
  });

const result = convertReference();
const tei = result.tei ?? '';

/** Block → role/speaker for every block of the document's text, read by hand. */
const EXPECTED_BLOCKS: [number, string, string?][] = [
  [5, 'attendance'],
  [6, 'narrative'], // "Opening the meeting, Cde. Kim Il Sung said that …"
  [7, 'speech', 'kim-il-sung'], // "Considering the advice … I am submitting a proposal"
  [8, 'narrative'], // "Cde. Kim Il Sung addressed a suggestion …"
  [9, 'narrative'], // "Inasmuch for some time none … took the floor"
  [10, 'narrative'], // "Cde. Kim Il Sung, again taking the floor, said that …"
  [11, 'speech', 'choe-yong-geon'],
  [12, 'speech', 'kim-il'],
  [13, 'speech', 'kim-il'],
  [14, 'speech', 'kim-il'],
  [15, 'speech', 'kim-il-sung'],
  [16, 'speech', 'nam-il'],
  [17, 'speech', 'kim-chang-man'],
  [18, 'speech', 'kim-chang-man'],
  [19, 'speech', 'mikoyan'],
  [20, 'speech', 'kim-chang-man'],
  [21, 'speech', 'kim-chang-man'],
  [22, 'speech', 'mikoyan'],
  [23, 'speech', 'kim-chang-man'],
  [24, 'speech', 'kim-chang-man'],
  [25, 'speech', 'pak-ui-won'],
  [26, 'speech', 'pak-ui-won'],
  [27, 'speech', 'pak-ui-won'],
  [28, 'speech', 'pak-ui-won'],
  [29, 'speech', 'pak-geum-cheol'],
  [30, 'speech', 'pak-geum-cheol'],
  ...[31, 32, 33, 34, 35, 36, 37, 38].map((block): [number, string, string] => [block, 'speech', 'mikoyan']),
  [39, 'label', 'peng-dehuai'],
  ...[40, 41, 42, 43, 44].map((block): [number, string, string] => [block, 'speech', 'peng-dehuai']),
  [45, 'label', 'mikoyan'],
  [46, 'speech', 'mikoyan'],
  [47, 'label', 'peng-dehuai'],
  [48, 'speech', 'peng-dehuai'],
  [49, 'label', 'choe-yong-geon'],
  [50, 'speech', 'choe-yong-geon'],
  [51, 'label', 'kim-il-sung'],
  [52, 'speech', 'kim-il-sung'],
  [53, 'speech', 'kim-il-sung'],
  [54, 'speech', 'kim-il-sung'],
  [55, 'speech', 'kim-il-sung'],
  [56, 'narrative'], // "The meeting ended …"
  [57, 'summary'], // "Both Mikoyan and Peng Dehuai strongly urge …"
];

const EXPECTED_TURNS: [string, string | undefined][] = [
  ['kim-il-sung', undefined],
  ['choe-yong-geon', 'Cde. Choe Yong-geon.'],
  ['kim-il', 'Cde. Kim Il.'],
  ['kim-il-sung', 'Cde. Kim Il Sung notes:'],
  ['nam-il', 'Nam Il continued:'],
  ['kim-chang-man', 'Cde. Kim Chang-man:'],
  ['mikoyan', 'Cde. Mikoyan.'],
  ['kim-chang-man', 'Kim Chang-man continued:'],
  ['mikoyan', 'Cde. Mikoyan asks a question:'],
  ['kim-chang-man', 'Kim Chang-man:'],
  ['pak-ui-won', 'Cde. Pak Ui-won.'],
  ['pak-geum-cheol', 'Cde. Pak Geum-cheol.'],
  ['mikoyan', 'Cde. Mikoyan:'],
  ['peng-dehuai', 'Cde. Peng Dehuai'],
  ['mikoyan', 'Cde. Mikoyan'],
  ['peng-dehuai', 'Cde. Peng Dehuai'],
  ['choe-yong-geon', 'Cde. Choe Yong-geon (a second time)'],
  ['kim-il-sung', 'Cde. Kim Il Sung'],
];

describe('reference edition (Wilson Center record 121798)', () => {
  it('should convert without errors', () => {
    expect(result.ok).toBe(true);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });

  it('should attribute every block as an editor reads it', () => {
    const decisions = result.edition!.decisions.map((decision) =>
      decision.speaker ? [decision.block, decision.role, decision.speaker] : [decision.block, decision.role],
    );
    expect(decisions).toEqual(EXPECTED_BLOCKS);
  });

  it('should attribute every block the same way without the manifest (the heuristics alone)', () => {
    const bare = convertReference(false);
    const roles = bare.edition!.decisions.map((decision) => [decision.block, decision.role, decision.speaker]);
    expect(roles).toEqual(EXPECTED_BLOCKS.map(([block, role, speaker]) => [block, role, speaker]));
  });

  it('should encode the speaker turns in order with their labels verbatim', () => {
    const turns = result.edition!.body.filter((item): item is Speech => item.kind === 'sp');
    expect(turns.map((turn) => [turn.who, turn.label])).toEqual(EXPECTED_TURNS);
    expect(tei).toContain('<sp xml:id="sp5" n="5" who="#nam-il">\n        <speaker rend="inline">Nam Il continued:</speaker>');
  });

  it('should give every paragraph and speech a stable id and number', () => {
    const paragraphIds = [...tei.matchAll(/<p xml:id="(p\d+)" n="(\d+)"/g)].map((match) => [match[1], match[2]]);
    // Blocks 5–56 less the five labels alone on a line: 47 paragraphs.
    expect(paragraphIds).toHaveLength(47);
    paragraphIds.forEach(([id, n], index) => expect([id, n]).toEqual([`p${index + 1}`, String(index + 1)]));
    expect([...tei.matchAll(/<sp xml:id="sp(\d+)" n="\1"/g)]).toHaveLength(18);
  });

  it('should read the title block and the Document Information into the header', () => {
    const header = elementXml(tei, 'teiHeader');
    expect(header).toContain(
      `<title type="main">Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers' Party Presidium</title>`,
    );
    expect(header).toContain('<title type="sub">Record of the discussions at the meeting of the Presidium of the KWP CC on 20 September</title>');
    expect(header).toMatch(/<respStmt>\s*<resp>Translated by<\/resp>\s*<persName xml:id="translator">Gary Goldberg<\/persName>/);
    expect(header).toContain('<repository>GARF</repository>');
    expect(header).toMatch(/<idno type="fond">5446<\/idno>\s*<idno type="opis">98c<\/idno>\s*<idno type="delo">718<\/idno>/);
    expect(header).toContain('<locus from="18" to="34">Listy 18-34</locus>');
    expect(header).toContain('<idno type="archival">GARF, Fond 5446, Opis 98c, Delo 718, Listy 18-34</idno>');
    expect(header).toContain('<idno type="record">121798</idno>');
    expect(header).toContain('<date type="uploaded" when="2015-03-27">2015-03-27</date>');
    expect(header).toContain('<note type="source">GARF, Fond 5446, Opis 98c, Delo 718, Listy 18-34. Translated by Gary Goldberg.</note>');
    expect(header).toContain('<creation>\n        <date when="1956-09-20">September 20, 1956</date>');
    expect(header).toContain('contact the History and Public Policy Program at [email\u00A0protected].</p>');
    expect(xmlText(elementXml(header, 'abstract'))).toMatch(/^\s*Both Mikoyan and Peng Dehuai strongly urge/);
    expect(header).toContain('<handNote xml:id="hand-insertions">');
  });

  it('should leave the empty Language field undeclared', () => {
    expect(tei).not.toContain('<textLang');
    expect(tei).not.toContain('mainLang');
  });

  it('should take the edition\'s own publication data from the manifest', () => {
    const publication = elementXml(tei, 'publicationStmt');
    expect(publication).toContain('<publisher>teikit project</publisher>');
    // No baseUrl: the edition has no address of its own (none is made up); the record's page is the source's.
    expect(publication).not.toContain('type="URI"');
    expect(elementXml(tei, 'sourceDesc')).toContain('<idno type="record">121798</idno>\n          <idno type="URI">https://digitalarchive.wilsoncenter.org/document/121798</idno>');
    expect(publication).toContain('<licence target="https://creativecommons.org/licenses/by/4.0/">');
    expect(tei).toContain('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">');
  });

  it('should list the attendance paragraph\'s participants in their groups', () => {
    const groups = [...elementXml(tei, 'particDesc').matchAll(/<listPerson xml:id="([^"]+)" type="([^"]+)">([\s\S]*?)<\/listPerson>/g)].map(
      (match) => ({
        head: match[3]?.match(/<head>(.*?)<\/head>/)?.[1],
        persons: [...(match[3] ?? '').matchAll(/<person xml:id="([^"]+)">/g)].map((person) => person[1]),
      }),
    );
    expect(groups.slice(0, 5)).toEqual([
      {
        head: 'All members of the KWP CC presidium',
        persons: ['kim-il-sung', 'kim-il', 'pak-jeong-ae', 'pak-geum-cheol', 'choe-yong-geon', 'kim-chang-man', 'pak-ui-won'],
      },
      { head: 'representatives of the CPSU CC', persons: ['mikoyan', 'mukhitdinov', 'ponomarev'] },
      { head: 'Soviet Ambassador to the DPRK', persons: ['ivanov'] },
      { head: 'representatives of the Chinese Communist Party', persons: ['peng-dehuai', 'nie-rongzhen'] },
      { head: 'Chinese Ambassador to the DPRK', persons: ['qiao-xiaoguang'] },
    ]);
    expect(groups[5]).toEqual({ head: undefined, persons: ['nam-il'] });
  });

  it('should warn that Nam Il speaks without being in the attendance list, and only mention it once the manifest declares him', () => {
    const bare = convertReference(false).diagnostics.find((diagnostic) => diagnostic.ruleId === 'speakers/not-in-attendance');
    expect(bare?.severity).toBe('warning');
    expect(bare?.reason).toContain('Nam Il');
    // "Nam Il continued:" is on line 54 of the source.
    expect(bare?.place?.start).toMatchObject({ line: 54, column: 1 });
    const declared = result.diagnostics.find((diagnostic) => diagnostic.ruleId === 'speakers/not-in-attendance');
    expect(declared).toMatchObject({ severity: 'info', place: { start: { line: 54, column: 1 } } });
    expect(declared?.reason).toContain('Nam Il speaks but is not in the attendance list; added to the participants as an unlisted speaker (declared in edition.json).');
  });

  it('should encode the bracket conventions where the source has them', () => {
    expect(tei).toContain('a member of the <sic>bureau</sic> for several years');
    expect(tei).toContain('ascertained, <sic>their</sic> participation');
    expect(tei).toContain('<note type="original-form" resp="#translator"><sic>agitprom</sic></note>');
    expect(tei).toContain('this would <add hand="#hand-insertions">not</add> solve the problem.');
    expect(tei).toContain('<persName ref="#wang-ming">Wang Ming</persName> and <add hand="#hand-insertions"><persName ref="#li-lisan">Li Lisan</persName></add> came');
    expect(tei).toContain('the Party organization<supplied reason="clarification" resp="#translator">s</supplied> of Pyongyang');
    expect(tei).toContain('Nie <supplied reason="clarification" resp="#translator">Rongzhen</supplied>');
    expect(tei).toContain('<persName ref="#nie-rongzhen">Nie <supplied');
    // 10 "[inserted by hand: …]" in the source, 2 "[SIC]", 1 "[agitprom - SIC]".
    expect(tei.match(/<add hand=/g)).toHaveLength(10);
    expect(tei.match(/<sic>/g)).toHaveLength(3);
    expect(result.report?.brackets).toMatchObject({ 'hand-insertion': 10, 'sic-flag': 2, 'original-form-sic': 1 });
  });

  it('should link the misspelling "Yung Kong-hum" to Yun Kong-hum through the manifest', () => {
    expect(tei).toContain('At the plenum <persName ref="#yun-kong-hum">Yung Kong-hum</persName> spoke');
    expect(tei).toContain('<persName type="variant">Yung Kong-hum</persName>');
    // "At the plenum Yung Kong-hum" starts line 94: the name is at column 15.
    const info = result.diagnostics.find((diagnostic) => diagnostic.ruleId === 'persons/spelling-variant');
    expect(info?.place?.start).toMatchObject({ line: 94, column: 15 });
  });

  it('should tag "Kim Il Sung" as one person, never as "Kim Il" followed by "Sung"', () => {
    expect(tei).not.toContain('<persName ref="#kim-il">Kim Il</persName> Sung');
    // "Kim Il" occurs once outside labels: in the attendance list.
    expect(tei.match(/<persName ref="#kim-il">/g)).toHaveLength(1);
  });

  it('should lose no word of the body or summary, and add none', () => {
    const source = readText(REFERENCE_SOURCE);
    const lines = source.split('\n');
    const bodyStart = lines.indexOf('September 20, 1956');
    const summaryLine = lines.findIndex((line) => line.startsWith('Both Mikoyan and Peng Dehuai'));
    const body = lines.slice(bodyStart, summaryLine).join('\n');
    // <text> holds date, title, description and body; the summary is the abstract.
    expect(words(xmlText(elementXml(tei, 'text')))).toEqual(wordsWithoutMarkers(body));
    expect(words(xmlText(elementXml(tei, 'abstract')))).toEqual(words(lines[summaryLine] ?? ''));
  });

  it('should keep every Document Information value in the header', () => {
    const source = readText(REFERENCE_SOURCE);
    const information = source.slice(source.indexOf('Document Information'));
    const headerWords = new Set(words(xmlText(elementXml(tei, 'teiHeader'))));
    const labels = new Set(['Document', 'Information', 'Source', 'Rights', 'Original', 'Uploaded', 'Date', 'Language', 'Record', 'ID']);
    for (const word of words(information)) {
      if (!labels.has(word)) expect(headerWords.has(word), word).toBe(true);
    }
    expect(xmlText(elementXml(tei, 'teiHeader'))).toContain('Skip to content');
  });

  it('should reproduce the committed TEI byte for byte (golden file)', () => {
    expect(tei).toBe(readText(REFERENCE_TEI));
  });

  it('should give byte-identical output on every run', () => {
    expect(convertReference().tei).toBe(tei);
  });
});
