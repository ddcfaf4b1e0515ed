/**
 * The typed document model every stage shares: layouts read a source into blocks, the model
 * stage turns blocks into an `Edition`, the TEI serializer writes an `Edition` out.
 */

/** A run of source text, with offsets into the source file (for diagnostics). */
export interface Block {
  /** 1-based number of the block in the whole source file (what `--report` and manifests use). */
  number: number;
  text: string;
  start: number;
  end: number;
}

/** Inline content of a paragraph after the translator's brackets have been read. */
export type Inline =
  | Text
  | Supplied
  | HandAddition
  | SicFlag
  | OriginalForm
  | PersonMention
  | PageBreak
  | NoteReference
  | Gap
  | EditorialNote
  | Furniture
  | Salutation;

export interface Text {
  type: 'text';
  value: string;
}
/** `[word]`: text the translator supplied; `[word?]`: supplied with doubt (cert="low"). */
export interface Supplied {
  type: 'supplied';
  uncertain?: boolean;
  children: Inline[];
}

/** A line of page furniture of a scanned document: a release stamp, a classification, a page number. */
export interface Furniture {
  type: 'fw';
  kind: 'release' | 'classification' | 'pageNum';
  /** The line as written. */
  text: string;
}

/**
 * A letter's salutation that runs on into its first paragraph ("Sir: With reference to …"): it
 * stays in the paragraph, as the source has it (<seg type="salute">).
 */
export interface Salutation {
  type: 'salute';
  children: Inline[];
}

/** A page break: a form feed of a PDF export, or "[Page 521]" (n = "521"). */
export interface PageBreak {
  type: 'pb';
  n?: string;
}

/** The number of a note listed at the end of the source, where the text refers to it. */
export interface NoteReference {
  type: 'noteRef';
  n: string;
  /** xml:id of the note. */
  target: string;
}

/** `[...]`, `[one word missing]`: text left out or lost; the bracket's words kept as its description. */
export interface Gap {
  type: 'gap';
  description: string;
}

/**
 * A note standing in the text in the translator's brackets: a translator's note, a handwritten
 * marginal note, a description of a signature or a stamp. Its words are kept as written.
 */
export interface EditorialNote {
  type: 'note';
  noteType: 'translator' | 'marginal' | 'signature' | 'stamp';
  children: Inline[];
}
/** `[inserted by hand: …]`: a handwritten insertion in the original. */
export interface HandAddition {
  type: 'add';
  hand: string;
  children: Inline[];
}
/** `word [SIC]`: the translator flags the preceding word as reproduced as found. */
export interface SicFlag {
  type: 'sic';
  children: Inline[];
  /** `[SIC, plural]`: the translator's comment after the flag. */
  comment?: string;
  /** The flag as written: before a comment ("SIC", "sic"), or alone where it is not "SIC" ("sic"). */
  flag?: string;
  /** `[sic, probably "can"]`: the reading the comment proposes. */
  correction?: string;
}
/** `[agitprom - SIC]`: the translator reports the original's own form of a word. */
export interface OriginalForm {
  type: 'originalForm';
  children: Inline[];
}
/** Inline nodes that hold no other nodes. */
export type LeafInline = Text | PageBreak | NoteReference | Gap | Furniture;

export const isLeaf = (node: Inline): node is LeafInline =>
  node.type === 'text' || node.type === 'pb' || node.type === 'noteRef' || node.type === 'gap' || node.type === 'fw';

/** A mention of a known person. */
export interface PersonMention {
  type: 'persName';
  ref: string;
  children: Inline[];
}

export interface Paragraph {
  id: string;
  n: number;
  /** Source block the paragraph comes from. */
  block: number;
  content: Inline[];
  /** Set apart in the source: to the right margin (a stamp, a signature) or centred (a heading). */
  align?: 'right' | 'center';
}

export interface Speech {
  kind: 'sp';
  id: string;
  n: number;
  who: string;
  /** The label exactly as written ("Cde. Mikoyan asks a question:"); absent when the source has none. */
  label?: string;
  /** Whether the label stood alone in its block ("Cde. Peng Dehuai") or opened the speech ("Cde. Mikoyan. It is …"). */
  labelStands?: 'block' | 'inline';
  paragraphs: Paragraph[];
}

export interface Narrative extends Paragraph {
  kind: 'p';
}

/** A letter's salutation ("Sir:", "Dear Mr. President:"): it opens a letter. */
export interface Opener {
  kind: 'opener';
  /** Absent when the letter has no salutation and is known only by its close. */
  salute?: string;
}

/** A letter's closing ("Respectfully yours,") and the signature under it. */
export interface Closer {
  kind: 'closer';
  salute: string;
  signed?: string;
}

/** "[Enclosure 1]": what follows is an enclosed document, which may hold its own meeting record. */
export interface Enclosure {
  kind: 'enclosure';
  /** The marker as written. */
  head: string;
  n?: string;
}

/** A page break between paragraphs, where no paragraph precedes it in its division. */
export interface PageBreakItem {
  kind: 'pb';
  n?: string;
}

/** Page furniture between paragraphs, where no paragraph precedes it in its division. */
export interface FurnitureItem {
  kind: 'fw';
  furniture: Furniture;
}

/** A line of dots between paragraphs (". . . . . ."): the editors' mark of an omitted passage. */
export interface OmissionItem {
  kind: 'gap';
  /** The mark as written. */
  mark: string;
}

export type BodyItem = Speech | Narrative | Opener | Closer | Enclosure | PageBreakItem | FurnitureItem | OmissionItem;

export interface Person {
  id: string;
  /** Display name. */
  name: string;
  /** Other names that refer to the same person (matched in the text). */
  aliases: string[];
  /** Spelling variants found in the text (typos in the translation), matched with a note. */
  variants: string[];
  /** Forms that name the person only as a speaker label ("G" of a legend "G—General Chang"). */
  labels?: string[];
  role?: string;
  /** How the converter learnt of the person. */
  origin: 'attendance' | 'speaker' | 'manifest';
}

export interface PersonGroup {
  id: string;
  /** The group's description exactly as the source words it ("representatives of the CPSU CC"). */
  label?: string;
  type: 'attendance' | 'unlisted-speakers' | 'mentioned';
  persons: Person[];
}

export interface Hand {
  id: string;
  description: string;
}

export interface ArchivalCitation {
  /** The citation exactly as written. */
  verbatim: string;
  repository: string;
  /** Structured parts in order: fond, opis, delo, … */
  identifiers: { type: string; value: string }[];
  folios?: { text: string; from: string; to?: string };
}

export interface DateValue {
  text: string;
  /** ISO 8601 (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) when the text could be read as a date. */
  when?: string;
}

/** A "Document Information" field of the source that has no dedicated place in the model. */
export interface InfoField {
  heading: string;
  value: string;
}

export interface Publication {
  publisher?: string;
  date?: string;
  licence?: { text: string; url?: string };
  /** Canonical URL of this edition. */
  url?: string;
  idno: string;
}

export type Role = 'attendance' | 'narrative' | 'speech' | 'label' | 'summary' | 'pagebreak' | 'furniture' | 'omission' | 'enclosure' | 'closer' | 'signed';

/** Why a block was given its role: one line of `--report`. */
export interface AttributionDecision {
  block: number;
  firstWords: string;
  role: Role;
  /** Person id for speech and label blocks. */
  speaker?: string;
  ruleId: string;
  override: boolean;
}

/** A part of the source's own header (PDF export, FRUS), kept verbatim in the text's front. */
export interface FrontBlock {
  type: string;
  /** Its text as written; a note number glued to a title is a reference to the note. */
  content: Inline[];
}

/** A note listed at the end of the source. */
export interface Footnote {
  id: string;
  n: string;
  /** Its text as written, number included ("87. China National …"). */
  content: Inline[];
}

/** One sentence of the edition's editorialDecl, with the id of the rule or convention it states. */
export interface MethodStatement {
  n: string;
  text: string;
}

export interface Edition {
  id: string;
  layout: string;
  title: string;
  subtitle?: string;
  /** The source's date line, as written. */
  dateLine?: DateValue;
  /** When the document was created (from the date line, or from the manifest). */
  creation?: { when: string; fromManifest: boolean };
  translator?: { id: string; name: string };
  publication: Publication;
  /** Who prepared the TEI edition (from the manifest). */
  editor?: string;
  archival?: ArchivalCitation;
  /** The online record the text was taken from. */
  record: {
    id?: string;
    /** The record's own web page (the archive's, not the edition's). */
    url?: string;
    uploaded?: DateValue;
    /** The record's "Source" field, verbatim. */
    source?: string;
    fields: InfoField[];
  };
  /** Rights statement of the source, verbatim, one string per paragraph. */
  rights: string[];
  /** Language of the text of the edition (ISO 639), when the manifest declares it. */
  language?: string;
  /** Language of the original document, when the source or the manifest declares it. */
  originalLanguage?: { ident?: string; text: string };
  abstract?: Paragraph;
  groups: PersonGroup[];
  hands: Hand[];
  /** Lines of web-page scaffolding kept aside (e.g. "Skip to content"). */
  pageArtefacts: string[];
  body: BodyItem[];
  /** The source's own header in the text (empty for the web record, whose header is the page's). */
  front: FrontBlock[];
  footnotes: Footnote[];
  decisions: AttributionDecision[];
  /** The document's own "Subject:" line, without its heading. */
  subject?: string;
  /** The editorialDecl: the conventions and rules that fired for this document. */
  method: MethodStatement[];
}
