/**
 * The participants pass: who takes part, read from the attendance sentence, the participant
 * lists and the legend of abbreviations, then the manifest's persons.
 */
import type { SourceFile } from '../diagnostics.js';
import { groupId } from '../ids.js';
import { flat } from '../layouts/blocks.js';
import type { SourceRecord } from '../layouts/index.js';
import type { LoadedManifest } from '../manifest/index.js';
import { groupAttendance, listedGroups, readAttendance, readLegend, readParticipantLists } from '../conventions/persons.js';
import type { AttributionRuleId } from '../conventions/speakers.js';
import type { PersonGroup } from '../model.js';
import type { Decision } from './attribution.js';
import { PersonRegistry } from './persons.js';

/** Attendance sentences are looked for among the first blocks of the document only. */
const ATTENDANCE_SEARCH_BLOCKS = 6;

export interface Participants {
  registry: PersonRegistry;
  /** The blocks read as participants, and by which rule. */
  attendanceRules: Map<number, AttributionRuleId>;
}

export function readParticipants(record: SourceRecord, loaded: LoadedManifest | undefined): Participants {
  const manifest = loaded?.manifest;
  // Persons: the attendance sentence first (unless the manifest places it), then the manifest.
  const overrideRoles = new Map((manifest?.blocks ?? []).map((override) => [override.block, override.as]));
  const attendanceCandidates = record.content.filter((block) =>
    overrideRoles.has(block.number) ? overrideRoles.get(block.number) === 'attendance' : block.number !== record.summaryCandidate,
  );
  const ids = new Set<string>();
  const attendanceRules = new Map<number, AttributionRuleId>();
  let groups: PersonGroup[] = [];
  for (const block of attendanceCandidates.slice(0, ATTENDANCE_SEARCH_BLOCKS)) {
    const entries = readAttendance(flat(block));
    if (entries) {
      attendanceRules.set(block.number, 'attendance/were-present');
      groups = groupAttendance(entries, ids);
      break;
    }
  }
  const lists = readParticipantLists(attendanceCandidates);
  if (lists) {
    for (const number of lists.blocks) attendanceRules.set(number, 'attendance/list');
    groups.push(...listedGroups(lists, ids, groups.length));
  }
  // One numbering for the groups of the attendance sentence and of the lists.
  groups.forEach((group, index) => {
    group.id = groupId(index + 1);
  });
  const registry = new PersonRegistry(groups, ids);
  // A legend of abbreviations ("G—General Chang") names who speaks under a one-letter label.
  for (const block of attendanceCandidates) {
    const legend = readLegend(block.text);
    if (!legend) continue;
    attendanceRules.set(block.number, 'attendance/legend');
    registry.addLabel(legend.label, legend.target);
  }
  if (loaded) {
    registry.applyManifest(manifest?.persons ?? [], loaded);
  }
  return { registry, attendanceRules };
}

/** A speaker not in the attendance list is added to the participants, with a warning (an info where the manifest declares the person). */
export function reportUnlistedSpeakers(decisions: readonly Decision[], { registry, attendanceRules }: Participants, loaded: LoadedManifest | undefined, file: SourceFile): void {
  const manifest = loaded?.manifest;
  const warned = new Set<string>();
  for (const decision of decisions) {
    if (!decision.speaker) continue;
    const person = registry.byId(decision.speaker);
    if (!person || warned.has(person.id)) continue;
    warned.add(person.id);
    if (!registry.isAttendee(person) && attendanceRules.size > 0) {
      // A person the manifest declares is known to the editor: worth a mention, not a warning.
      const declared = loaded !== undefined && (manifest?.persons ?? []).some((entry) => entry.id === person.id);
      file.report({
        source: 'teikit:speakers',
        severity: declared ? 'info' : 'warning',
        ruleId: 'speakers/not-in-attendance',
        reason: `${person.name} speaks but is not in the attendance list; added to the participants as an unlisted speaker${declared ? ' (declared in edition.json)' : ''}.`,
        place: file.place(decision.source.start, decision.source.start + decision.textStart),
        ...(declared ? {} : { note: 'If this is another spelling of a listed person, add it to that person\'s "variants" in edition.json; if it is another person, declare it in "persons" there.' }),
      });
    }
  }
}
