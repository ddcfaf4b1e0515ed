import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../src/diagnostics.js';
import { BRACKET_CONVENTIONS, parseBrackets, type BracketConventionId } from '../src/conventions/brackets.js';
import { parseArchivalCitation, splitSourceField } from '../src/conventions/archival-citation.js';
import { findDate, parseDate } from '../src/conventions/dates.js';
import { diplomaticStylesheet } from '../src/conventions/diplomatic.js';
import { FURNITURE_CONVENTIONS, furnitureKind, readFurniture } from '../src/conventions/furniture.js';
import { groupAttendance, markMentions, PersonIndex, personId, readAttendance } from '../src/conventions/persons.js';
import { firstSentence } from '../src/conventions/sentences.js';
import { narrativeCue, readSpeakerLabel } from '../src/conventions/speakers.js';
import type { Person } from '../src/model.js';
import { serializeInline } from '../src/tei/serialize.js';
import { ROOT } from './helpers.js';

const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({ id, name, aliases: [], variants: [], origin: 'attendance', ...extra });
const PERSONS = new PersonIndex([
  person('kim-il-sung', 'Kim Il Sung'),
  person('kim-il', 'Kim Il'),
  person('mikoyan', 'Mikoyan'),
  person('peng-dehuai', 'Peng Dehuai'),
  person('nie-rongzhen', 'Nie Rongzhen'),
  person('li-lisan', 'Li Lisan'),
  person('yun-kong-hum', 'Yun Kong-hum', { variants: ['Yung Kong-hum'] }),
]);

function brackets(text: string): { tei: string; file: SourceFile; counts: Map<BracketConventionId, number> } {
  const file = new SourceFile('t.txt', text);
  const counts = new Map<BracketConventionId, number>();
  const nodes = parseBrackets(text, 0, { file, hand: 'hand-insertions', counts });
  return { tei: serializeInline(markMentions(nodes, PERSONS)), file, counts };
}

describe('bracket conventions', () => {
  for (const convention of BRACKET_CONVENTIONS) {
    for (const example of convention.examples) {
      it(`should encode ${convention.id}: ${example.source}`, () => {
        const { tei, file, counts } = brackets(example.source);
        expect(tei).toBe(example.tei);
        expect(file.messages).toEqual([]);
        expect(counts.get(convention.id)).toBe(1);
      });
    }
  }

  it('should keep an unbalanced bracket as text and warn at its position', () => {
    const { tei, file } = brackets('one [two three');
    expect(tei).toBe('one [two three');
    expect(file.messages.map((message) => [message.ruleId, message.place?.start.column])).toEqual([['brackets/unbalanced', 5]]);
  });

  it('should keep a stray closing bracket as text and warn', () => {
    const { tei, file } = brackets('one] two');
    expect(tei).toBe('one] two');
    expect(file.messages[0]?.ruleId).toBe('brackets/unbalanced');
  });

  it('should keep nested brackets as text with a warning', () => {
    const { tei, file } = brackets('a [[b] c] d');
    expect(tei).toBe('a [[b] c] d');
    expect(file.messages.map((message) => message.ruleId)).toEqual(['brackets/nested']);
  });

  it('should allow brackets inside a handwritten insertion', () => {
    const { tei } = brackets('x [inserted by hand: the [CC] plenum] y');
    expect(tei).toBe('x <add hand="#hand-insertions">the <supplied reason="clarification" resp="#translator">CC</supplied> plenum</add> y');
  });

  it('should keep empty brackets as text with a warning', () => {
    const { tei, file } = brackets('a [ ] b');
    expect(tei).toBe('a [ ] b');
    expect(file.messages[0]?.ruleId).toBe('brackets/empty');
  });

  it('should keep a [SIC] with no word before it as text with a warning', () => {
    const { tei, file } = brackets('[SIC] at the start');
    expect(tei).toBe('[SIC] at the start');
    expect(file.messages[0]?.ruleId).toBe('brackets/sic-without-word');
  });

  it('should flag a bracketed word with [SIC] by wrapping the bracket', () => {
    expect(brackets('the [them] [SIC] end').tei).toBe('the <sic><supplied reason="clarification" resp="#translator">them</supplied></sic> end');
  });

  it('should escape XML special characters in the text', () => {
    expect(brackets('a < b & c ]]> d').tei).toBe('a &lt; b &amp; c ]]&gt; d');
  });
});

describe('person names', () => {
  it('should match the longest name where names overlap', () => {
    expect(serializeInline(markMentions([{ type: 'text', value: 'Kim Il Sung and Kim Il.' }], PERSONS))).toBe(
      '<persName ref="#kim-il-sung">Kim Il Sung</persName> and <persName ref="#kim-il">Kim Il</persName>.',
    );
  });

  it('should not match a name inside a longer word', () => {
    expect(serializeInline(markMentions([{ type: 'text', value: 'Mikoyanov and Kim Ilse' }], PERSONS))).toBe('Mikoyanov and Kim Ilse');
  });

  it('should mark a name that crosses into a bracket, and one wholly inside a bracket inside it', () => {
    expect(brackets('Cdes. Nie [Rongzhen] and [inserted by hand: Li Lisan]').tei).toBe(
      'Cdes. <persName ref="#nie-rongzhen">Nie <supplied reason="clarification" resp="#translator">Rongzhen</supplied></persName> and <add hand="#hand-insertions"><persName ref="#li-lisan">Li Lisan</persName></add>',
    );
  });

  it('should link a declared spelling variant to its person and report it', () => {
    const seen: string[] = [];
    const nodes = markMentions([{ type: 'text', value: 'Yung Kong-hum spoke' }], PERSONS, (match) => seen.push(match.variant ?? ''));
    expect(serializeInline(nodes)).toBe('<persName ref="#yun-kong-hum">Yung Kong-hum</persName> spoke');
    expect(seen).toEqual(['Yung Kong-hum']);
  });

  it('should read the reference attendance sentence into its groups', () => {
    const text =
      'All members of the KWP CC presidium, Cdes. Kim Il Sung, Kim Il, Pak Jeong-ae, and Pak Ui-won, representatives of the CPSU CC Mikoyan, Mukhitdinov, and Ponomarev, Soviet Ambassador to the DPRK Ivanov, representatives of the Chinese Communist Party Cdes. Peng Dehuai, Nie [Rongzhen], and Chinese Ambassador to the DPRK Cde. Qiao Xiaoguang, were present at the presidium meeting.';
    const groups = groupAttendance(readAttendance(text)!, new Set());
    expect(groups.map((group) => [group.label, group.persons.map((entry) => entry.name)])).toEqual([
      ['All members of the KWP CC presidium', ['Kim Il Sung', 'Kim Il', 'Pak Jeong-ae', 'Pak Ui-won']],
      ['representatives of the CPSU CC', ['Mikoyan', 'Mukhitdinov', 'Ponomarev']],
      ['Soviet Ambassador to the DPRK', ['Ivanov']],
      ['representatives of the Chinese Communist Party', ['Peng Dehuai', 'Nie Rongzhen']],
      ['Chinese Ambassador to the DPRK', ['Qiao Xiaoguang']],
    ]);
  });

  it('should never give a person an id the edition uses for other elements', () => {
    const taken = new Set<string>();
    expect(['Abstract', 'Mentioned', 'Group 1', '1st Secretary', 'Ivanov'].map((name) => personId(name, taken))).toEqual([
      'person-abstract',
      'person-mentioned',
      'person-group-1',
      'person-1st-secretary',
      'ivanov',
    ]);
    expect(personId('Ivanov', new Set(['ivanov']))).toBe('ivanov-2');
  });

  it('should not read an ordinary paragraph as an attendance list', () => {
    expect(readAttendance('The meeting ended with a Presidium decision.')).toBeUndefined();
  });

  it('should find a name written with another case after a hyphen ("Chou En-lai" for "Chou En-Lai")', () => {
    const index = new PersonIndex([person('chou-en-lai', 'Chou En-Lai'), person('yun-kong-hum', 'Yun Kong-hum')]);
    expect(index.findAll('Chou En-lai met Yun Kong-Hum and Chou En-Lai.').map((match) => [match.person.id, match.start])).toEqual([
      ['chou-en-lai', 0],
      ['yun-kong-hum', 16],
      ['chou-en-lai', 33],
    ]);
    // Only the letter after the hyphen: "chou en-lai" in lower case is not the name.
    expect(index.findAll('chou en-lai')).toEqual([]);
  });

  it('should not read running prose ending in "was present" as a list (a flattened export)', () => {
    const prose = 'The talks went on for two days. However, the question of China and Xinjiang, Nevertheless, Tibet was present in every mind.';
    expect(readAttendance(prose)).toBeUndefined();
    expect(readAttendance('The army of China, Xinjiang and the border regions under the command of the old general was present.')).toBeUndefined();
    // Initials are not sentence ends: a list with them is still a list.
    expect(readAttendance('Cdes. A. I. Mikoyan, Peng Dehuai and Nie Rongzhen were present.')?.map((entry) => entry.name)).toEqual(['A. I. Mikoyan', 'Peng Dehuai', 'Nie Rongzhen']);
  });
});

describe('speaker labels', () => {
  const label = (text: string): [string, string | undefined, boolean] | undefined => {
    const found = readSpeakerLabel(text, PERSONS);
    return found ? [found.label, found.person?.id ?? `new:${found.name}`, found.alone] : undefined;
  };

  it.each([
    ['Cde. Mikoyan. It is necessary', ['Cde. Mikoyan.', 'mikoyan', false]],
    ['Cde. Mikoyan: First of all', ['Cde. Mikoyan:', 'mikoyan', false]],
    ['Cde. Kim Il. At today\'s meeting', ['Cde. Kim Il.', 'kim-il', false]],
    ['Cde. Kim Il Sung notes: it is impossible', ['Cde. Kim Il Sung notes:', 'kim-il-sung', false]],
    ['Cde. Mikoyan asks a question: what was', ['Cde. Mikoyan asks a question:', 'mikoyan', false]],
    ['Cde. Peng Dehuai', ['Cde. Peng Dehuai', 'peng-dehuai', true]],
    ['Cde. Choe Yong-geon (a second time)', ['Cde. Choe Yong-geon (a second time)', 'new:Choe Yong-geon', true]],
    ['Nam Il continued: Those who fled', ['Nam Il continued:', 'new:Nam Il', false]],
    ['         Comrade Mao Zedong: The most important question', ['Comrade Mao Zedong:', 'new:Mao Zedong', false]],
    ['Mr. Nelson: I have already talked', ['Mr. Nelson:', 'new:Nelson', false]],
  ] as const)('should read the label of "%s"', (text, expected) => {
    expect(label(text)).toEqual(expected);
  });

  it.each([
    'Cde. Kim Il Sung addressed a suggestion to the members of the presidium.',
    'Cde. Kim Il Sung, again taking the floor, said that the mistakes',
    'Cde. Mikoyan agreed.',
    'The CC should nevertheless exhibit magnanimity.',
    'Obviously: it is necessary',
    'Nam Il said that he was of the same opinion.',
    'Original Language: Russian',
    'Document Information',
  ])('should find no label in "%s"', (text) => {
    expect(label(text)).toBeUndefined();
  });

  it('should not end the first sentence at an abbreviation', () => {
    expect(firstSentence('Then Cde. Mikoyan spoke. Then others.')).toBe('Then Cde. Mikoyan spoke.');
  });

  it('should read third-person reports of participants as narrative, first-person text not', () => {
    expect(narrativeCue('Opening the meeting, Cde. Kim Il Sung said that yesterday', PERSONS)).toMatchObject({
      ruleId: 'narrative/reported-speech',
      speechVerb: true,
    });
    expect(narrativeCue('Cde. Kim Il Sung addressed a suggestion', PERSONS)).toMatchObject({ speechVerb: false });
    expect(narrativeCue('The meeting ended with a decision.', PERSONS)).toEqual({ ruleId: 'narrative/meeting-event' });
    expect(narrativeCue('I agree with what Cde. Mikoyan said today.', PERSONS)).toBeUndefined();
    // Someone not in any list, named with a rank, is reported in the third person too.
    expect(narrativeCue('General Marshall opened the meeting by informing General Chou that', PERSONS)).toEqual({
      ruleId: 'narrative/reported-speech',
      speechVerb: false,
    });
    expect(narrativeCue('The General Staff approved it.', PERSONS)).toBeUndefined();
  });
});

describe('header fields', () => {
  it.each([
    ['September 20, 1956', '1956-09-20'],
    ['20 September 1956', '1956-09-20'],
    ['September 1956', '1956-09'],
    ['2015-03-27', '2015-03-27'],
    ['1956', '1956'],
    ['24th February 1943', '1943-02-24'],
    ['February 24th, 1943', '1943-02-24'],
    ['February 30, 1956', undefined],
    ['Record of a Meeting', undefined],
  ])('should read the date "%s" as %s', (text, when) => {
    expect(parseDate(text).when).toBe(when);
  });

  it('should find a date inside a line, with its position', () => {
    expect(findDate('[Washington,] May 11, 1949.')).toEqual({ text: 'May 11, 1949', when: '1949-05-11', index: 14 });
    expect(findDate('No date here, only 1949.')).toBeUndefined();
  });

  it('should read an archival signature into its parts', () => {
    expect(parseArchivalCitation('GARF, Fond 5446, Opis 98c, Delo 718, Listy 18-34')).toEqual({
      verbatim: 'GARF, Fond 5446, Opis 98c, Delo 718, Listy 18-34',
      repository: 'GARF',
      identifiers: [
        { type: 'fond', value: '5446' },
        { type: 'opis', value: '98c' },
        { type: 'delo', value: '718' },
      ],
      folios: { text: 'Listy 18-34', from: '18', to: '34' },
    });
    expect(parseArchivalCitation('Archive of the President, some collection')).toBeUndefined();
  });

  it('should split the Source field into citation and translator', () => {
    expect(splitSourceField('GARF, Fond 5446, Opis 98c, Delo 718, Listy 18-34. Translated by Gary Goldberg.')).toEqual({
      citation: 'GARF, Fond 5446, Opis 98c, Delo 718, Listy 18-34',
      translator: 'Gary Goldberg',
    });
  });
});

describe('page furniture (conventions/furniture.ts): each kind\'s examples', () => {
  for (const convention of FURNITURE_CONVENTIONS) {
    it(`should read ${convention.type} lines, and only those`, () => {
      for (const line of convention.examples.furniture) expect(furnitureKind(line), line).toBe(convention.type);
      for (const line of convention.examples.not) expect(furnitureKind(line), line).toBeUndefined();
    });
  }

  it('should keep the form feed before a stamp as a page break, and refuse a block with a line of text', () => {
    expect(readFurniture('\f   Top Secret\n- 2 -')).toEqual([{ type: 'pb' }, { type: 'fw', kind: 'classification', text: 'Top Secret' }, { type: 'fw', kind: 'pageNum', text: '- 2 -' }]);
    expect(readFurniture('TOP SECRET\nThe talks began.')).toBeUndefined();
  });
});

describe('diplomatic forms of the bracket conventions', () => {
  it('should be in the stylesheets exactly as brackets.ts declares them (xslt/common/diplomatic.xsl is generated)', () => {
    expect(readFileSync(`${ROOT}xslt/common/diplomatic.xsl`, 'utf8')).toBe(diplomaticStylesheet());
    for (const convention of BRACKET_CONVENTIONS) expect(diplomaticStylesheet()).toContain(`'${convention.id}': '${convention.diplomatic.replace(/'/g, "''")}'`);
  });
});
