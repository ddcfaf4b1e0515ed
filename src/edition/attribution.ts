/** Who speaks each block: the attribution rules of conventions/speakers.ts applied in order, and the manifest's overrides checked. */
import type { SourceFile } from '../diagnostics.js';
import type { PersonRegistry } from './persons.js';
import { flat } from '../layouts/blocks.js';
import type { SourceRecord } from '../layouts/index.js';
import { reportManifestError, type LoadedManifest } from '../manifest/index.js';
import {
  isFirstPerson,
  narrativeCue,
  readSpeakerLabel,
  recurringLabels,
  type AttributionRuleId,
} from '../conventions/speakers.js';
import type { AttributionDecision, Block, Person, Role } from '../model.js';

/** A block that holds nothing but page markers or form feeds. */
const PAGE_ONLY = /^(?:\s*\[Page\s+[\dIVXLC]+\]|\s*\f)+\s*$/i;

/** "[Enclosure 1]" alone in its block. */
export const ENCLOSURE = /^\s*\[(?:Enclosure|Attachment|Annex|Appendix)(?:\s+(\d+))?\]\s*$/i;
/** A salutation opening a letter's first paragraph. */
const SALUTE = /^\s*(?:Sir|Madam|Gentlemen|Your Excellency|Excellency|(?:My )?[Dd]ear [^:\n]{1,60}):(?=\s|$)/;
/** A complimentary close alone in its block. */
const COMPLIMENTARY_CLOSE = /^\s*(?:Respectfully yours|Yours respectfully|Sincerely yours|Yours sincerely|Yours faithfully|Faithfully yours|Very truly yours|Yours truly|Cordially yours|Yours very truly|Yours ever|With (?:best |kind )?regards|Respectfully|Sincerely|Faithfully|Cordially|With respect|With (?:communist|comradely) greetings|(?:Accept|Believe me|I am|I have the honou?r to be)\b[^\n]{0,60}\[etc\.?\])[,.]?\s*$/i;
/** A signature under a close is short. */
const SIGNATURE_MAX_LENGTH = 200;


export interface Decision extends AttributionDecision {
  source: Block;
  /** The salutation a letter's first paragraph opens with ("Sir:"). */
  salute?: string;
  /** Offset in the block's text where the paragraph text starts (after an inline label). */
  textStart: number;
  label?: string;
}

export const firstWords = (text: string): string => {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.slice(0, 8).join(' ') + (words.length > 8 ? ' …' : '');
};

/** Decide the role and speaker of every content block (see ATTRIBUTION_RULES). */
export function attribute(
  file: SourceFile,
  record: SourceRecord,
  registry: PersonRegistry,
  attendanceRules: ReadonlyMap<number, AttributionRuleId>,
  loaded: LoadedManifest | undefined,
): Decision[] {
  const attendanceBlocks = new Set(attendanceRules.keys());
  const recurring = recurringLabels(record.content.map((block) => block.text));
  const overrides = new Map((loaded?.manifest.blocks ?? []).map((override) => [override.block, override]));
  const decisions: Decision[] = [];
  let openSpeaker: string | undefined;
  let reported: Person | undefined;

  for (const block of record.content) {
    const text = block.text;
    let nextReported: Person | undefined;
    const decide = (role: Role, ruleId: AttributionRuleId, extra: Partial<Decision> = {}): Decision => ({
      block: block.number,
      firstWords: firstWords(text),
      role,
      ruleId,
      override: false,
      source: block,
      textStart: 0,
      ...extra,
    });
    let decision: Decision;
    const override = overrides.get(block.number);
    const label = readSpeakerLabel(text, registry.labelIndex, recurring);
    if (override) {
      const speaker = override.speaker;
      const keepLabel = override.as === 'speech' && label && (!label.person || label.person.id === speaker);
      decision = decide(override.as, 'manifest/override', {
        override: true,
        ...(speaker ? { speaker } : {}),
        ...(keepLabel ? { label: label.label, textStart: label.speechStart, role: label.alone ? 'label' : 'speech' } : {}),
      });
    } else if (block.number === record.summaryCandidate) {
      decision = decide('summary', 'summary/last-before-metadata');
    } else if (attendanceBlocks.has(block.number)) {
      decision = decide('attendance', attendanceRules.get(block.number) ?? 'attendance/were-present');
    } else if (PAGE_ONLY.test(text)) {
      decision = decide('pagebreak', 'page/marker');
    } else if (ENCLOSURE.test(text)) {
      decision = decide('enclosure', 'letter/enclosure');
    } else if (COMPLIMENTARY_CLOSE.test(text)) {
      decision = decide('closer', 'letter/closer');
    } else if (decisions.at(-1)?.role === 'closer' && text.trim().length <= SIGNATURE_MAX_LENGTH) {
      decision = decide('signed', 'letter/signed');
    } else if (SALUTE.test(text)) {
      const salute = SALUTE.exec(text)?.[0] ?? '';
      decision = decide('narrative', 'letter/salute', { salute: salute.trim(), textStart: salute.length });
    } else if (label) {
      const variant = label.person ? undefined : registry.resolveVariant(label.name);
      if (variant?.how === 'spelling') {
        file.report({
          source: 'teikit:persons',
          severity: 'warning',
          ruleId: 'persons/label-spelling-variant',
          reason: `The speaker label "${label.name}" is read as a spelling variant of ${variant.person.name}.`,
          place: file.place(block.start, block.start + label.speechStart),
          note: 'If it is another person, declare both in edition.json ("persons").',
        });
      }
      const person = label.person ?? variant?.person ?? registry.addSpeaker(label.name);
      decision = decide(label.alone ? 'label' : 'speech', label.alone ? 'label/alone' : 'label/inline', {
        speaker: person.id,
        label: label.label,
        textStart: label.speechStart,
      });
    } else {
      // The record-taker reports what participants do; others are only talked about.
      const cue = narrativeCue(text, registry.participantIndex);
      if (cue) {
        decision = decide('narrative', cue.ruleId);
      } else if (reported && isFirstPerson(text)) {
        decision = decide('speech', 'speech/first-person-after-report', { speaker: reported.id });
      } else if (openSpeaker) {
        decision = decide('speech', 'speech/continuation', { speaker: openSpeaker });
      } else {
        decision = decide('narrative', 'narrative/default');
      }
      if (cue?.ruleId === 'narrative/reported-speech' && cue.speechVerb) nextReported = cue.person;
    }
    reported = nextReported;
    if (decision.speaker) registry.markSpeaking(decision.speaker);
    // A page break does not interrupt a speech.
    if (decision.role !== 'pagebreak') openSpeaker = decision.role === 'speech' || decision.role === 'label' ? decision.speaker : undefined;
    decisions.push(decision);
  }
  return decisions;
}

/** Check the manifest's block overrides against the source; errors go on the manifest file. */
export function checkOverrides(record: SourceRecord, registry: PersonRegistry, loaded: LoadedManifest): void {
  const content = new Map(record.content.map((block) => [block.number, block]));
  (loaded.manifest.blocks ?? []).forEach((override, position) => {
    const block = content.get(override.block);
    if (!block) {
      reportManifestError(
        loaded,
        `/blocks/${position}/block`,
        `Block ${override.block} is not a block of the document's text.`,
        'Run `teikit convert SOURCE --report` to see the block numbers.',
      );
      return;
    }
    if (override.expect !== undefined && !flat(block).startsWith(override.expect)) {
      reportManifestError(
        loaded,
        `/blocks/${position}/expect`,
        `Block ${override.block} starts "${firstWords(block.text)}", not "${override.expect}".`,
        'The source changed: check the block numbers with `teikit convert SOURCE --report`.',
      );
    }
    if (override.speaker !== undefined && !registry.byId(override.speaker)) {
      reportManifestError(
        loaded,
        `/blocks/${position}/speaker`,
        `No person has the id "${override.speaker}".`,
        'Use an id from "persons" in the manifest or from the --report output.',
      );
    }
  });
}

/** Read the "Document Information" fields into the edition. */
