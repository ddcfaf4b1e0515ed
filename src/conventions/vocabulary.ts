/**
 * The genre's vocabulary, in one place: the words of meeting records, memoranda and telegrams
 * that the conventions read (forms of address, ranks, offices, headings, salutations,
 * abbreviations). Every pattern and word set of the converter that needs one of these lists
 * builds it from here, so a word added here is known everywhere.
 */

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regular-expression alternation of words, longest first (so "Cdes." wins over "Cde."). */
export const alternation = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

/** Forms of address that stand before a name. */
export const HONORIFICS = ['Cde.', 'Cdes.', 'Comrade', 'Comrades', 'Mr.', 'Mrs.', 'Ms.', 'Messrs.', 'Dr.'] as const;

/** Ranks and offices, written out, that stand right before a name ("General Marshall", "Ambassador Ivanov"). */
export const RANKS = [
  'General', 'Colonel', 'Marshal', 'Admiral', 'Ambassador', 'President', 'Premier', 'Chairman',
  'Minister', 'Secretary', 'Generalissimo', 'Director', 'Senator', 'Governor',
] as const;

/** Abbreviated ranks and titles before a name ("Maj. Gen. Chennault", "Amb. Bohlen"). */
export const RANK_ABBREVIATIONS = ['Maj.', 'Gen.', 'Lt.', 'Col.', 'Capt.', 'Adm.', 'Brig.', 'Sgt.', 'Amb.', 'Gov.', 'Sen.', 'Rep.', 'Prof.', 'Sec.'] as const;

/** Words that qualify a rank ("Vice Minister", "Lieutenant General", "Prime Minister"). */
export const TITLE_QUALIFIERS = ['Lieutenant', 'Major', 'Captain', 'Vice', 'Deputy', 'Foreign', 'Prime', 'Political', 'Assistant', 'Under', 'Acting', 'American', 'Chinese', 'Soviet', 'British', 'Japanese', 'French'] as const;

/** Every word that may stand in the title before a name (not part of the name itself). */
export const TITLE_WORDS: ReadonlySet<string> = new Set<string>([...RANK_ABBREVIATIONS, ...HONORIFICS, 'Lieutenant', 'Major', 'Captain', 'Vice', 'Deputy', 'Foreign', 'Prime', 'Political', 'Sir', ...RANKS]);

/** Nouns that end a role description before a name ("Soviet Ambassador to the DPRK Ivanov"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set<string>([...RANKS, 'Consul', 'Counsellor', 'Counselor', 'Attaché', 'Attache', 'Deputy']);

/** Headings of participant lists ("Participants:", "Also present:"). */
export const LIST_HEADINGS = ['Participants', 'Present', 'Also present', 'Others present', 'In attendance', 'Attending', 'Recorder', 'Interpreter'] as const;

/** Headings of metadata fields in the sources' own headers ("Original Language:", "Subject:"). */
export const FIELD_HEADINGS = [
  'Title', 'Author', 'Date', 'Source', 'Description', 'Subject', 'Summary', 'Citation', 'Credits', 'Contents',
  'Original Language', 'Language', 'Translator', 'Translation', 'Record ID', 'Rights', 'Classification', 'Copy',
  'Time', 'Place', 'Note', 'Notes', 'Keywords',
] as const;

/** Salutations that open a letter. */
export const SALUTATIONS = ['Sir', 'Madam', 'Gentlemen', 'Your Excellency', 'Excellency'] as const;
/**
 * Offices a letter or memorandum may open on in the vocative ("Mr. Secretary: We feel …"); the
 * same words can label a turn in a transcript, so they are a salutation only where a document's
 * text begins with them and they open no other block.
 */
export const VOCATIVE_OFFICES = ['President', 'Vice President', 'Secretary', 'Under Secretary', 'Ambassador', 'Minister', 'Prime Minister', 'Chairman', 'Premier', 'Director', 'Senator', 'Governor'] as const;

/** Words naming parts of a document, never a person. */
const DOCUMENT_WORDS = ['Document', 'Information', 'Enclosure', 'Attachment', 'Page', 'Footnote', 'Memorandum', 'Minutes', 'Record', 'Top', 'Secret', 'Dear'] as const;

/** Capitalised words that open sentences in running prose, never a name ("However, …"). */
export const SENTENCE_OPENERS = [
  'However', 'Nevertheless', 'Moreover', 'Furthermore', 'Therefore', 'Meanwhile', 'Thus', 'Hence', 'Then', 'Finally',
  'Also', 'Others', 'Accordingly', 'Consequently', 'Besides', 'Indeed', 'Instead', 'Otherwise', 'Still', 'Yet',
] as const;

/** Words that open a clause of prose, not a list of names ("The army of China … was present"). */
export const PROSE_STARTS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'In', 'At', 'On', 'During', 'After', 'Before', 'When', 'While', 'Since', 'As', 'It', 'There',
  ...SENTENCE_OPENERS,
]);

/**
 * Capitalised words that are never (part of) a person's name: the words of headings, salutations,
 * document parts and sentence openers.
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  [...LIST_HEADINGS, ...FIELD_HEADINGS, ...SALUTATIONS, ...DOCUMENT_WORDS, ...SENTENCE_OPENERS].flatMap((phrase) => phrase.split(' ')).filter((word) => /^\p{Lu}/u.test(word)),
);

/** Abbreviations whose period does not end a sentence ("Maj. Gen. Chennault said …", "No. 45"). */
export const ABBREVIATIONS = [...new Set([...HONORIFICS, ...RANK_ABBREVIATIONS, 'St.', 'No.', 'vs.', 'etc.', 'cf.', 'Jr.', 'Sr.'].filter((word) => word.endsWith('.')).map((word) => word.slice(0, -1)))];

/** Complimentary closes that end a letter ("Respectfully yours,"). */
export const COMPLIMENTARY_CLOSES = [
  'Respectfully yours', 'Yours respectfully', 'Sincerely yours', 'Yours sincerely', 'Yours faithfully', 'Faithfully yours',
  'Very truly yours', 'Yours truly', 'Cordially yours', 'Yours very truly', 'Yours ever', 'With best regards', 'With kind regards',
  'With regards', 'Respectfully', 'Sincerely', 'Faithfully', 'Cordially', 'With respect', 'With communist greetings', 'With comradely greetings',
] as const;

/** Labels of a question-and-answer record: who asks, who answers. */
export const QUESTION_LABELS = ['Q', 'Question', 'Query'] as const;
export const ANSWER_LABELS = ['A', 'Answer', 'Reply'] as const;
