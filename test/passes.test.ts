/** The model stage's passes, each on its own (src/edition/*.ts). */
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../src/diagnostics.js';
import { readHeader } from '../src/edition/header.js';
import { numberBody, type DraftBodyItem } from '../src/edition/numbering.js';
import { readParticipants } from '../src/edition/participants.js';
import { readSource } from '../src/layouts/index.js';

const record = (text: string) => {
  const file = new SourceFile('pass.txt', text);
  return { file, record: readSource(file) };
};

describe('numbering pass', () => {
  it('should number paragraphs and speeches in document order, paragraphs inside speeches included', () => {
    const text = (value: string) => [{ type: 'text' as const, value }];
    const drafts: DraftBodyItem[] = [
      { kind: 'p', block: 1, content: text('a') },
      { kind: 'sp', who: 'x', paragraphs: [{ block: 2, content: text('b') }, { block: 3, content: text('c') }] },
      { kind: 'pb', n: '7' },
      { kind: 'p', block: 4, content: text('d') },
      { kind: 'sp', who: 'y', paragraphs: [{ block: 5, content: text('e') }] },
    ];
    const body = numberBody(drafts);
    const ids = body.flatMap((item) => (item.kind === 'p' ? [`${item.id}/${item.n}`] : item.kind === 'sp' ? [`${item.id}/${item.n}`, ...item.paragraphs.map((paragraph) => `${paragraph.id}/${paragraph.n}`)] : [item.kind]));
    expect(ids).toEqual(['p1/1', 'sp1/1', 'p2/2', 'p3/3', 'pb', 'p4/4', 'sp2/2', 'p5/5']);
  });
});

describe('header pass', () => {
  it('should take the title without the number of a note glued to it, and the date of the dateline', () => {
    const { file, record: source } = record('893.00/1\n\n[Document 5]\n\nMemorandum by the Secretary (Acheson)12\n\n[Washington,] May 3, 1950.\n\nThe Secretary called.\n\n12. Source: files.\n');
    const { edition, frontNotes } = readHeader(source, file, 'x', undefined);
    expect(edition.title).toBe('Memorandum by the Secretary (Acheson)');
    expect(edition.creation).toEqual({ when: '1950-05-03', fromManifest: false });
    expect(frontNotes.map((reference) => [reference.part.type, reference.footnote.n])).toEqual([['title', '12']]);
  });
});

describe('participants pass', () => {
  it('should read the participant list into groups and name the blocks it took', () => {
    const { record: source } = record('A Record\n\nParticipants: Mr. Dean Rusk\nMr. Philip Sprouse\n\nRusk: Good morning.\n');
    const { registry, attendanceRules } = readParticipants(source, undefined);
    expect([...attendanceRules]).toEqual([[2, 'attendance/list']]);
    expect(registry.finalGroups().flatMap((group) => group.persons.map((person) => person.name))).toEqual(['Dean Rusk', 'Philip Sprouse']);
  });
});
