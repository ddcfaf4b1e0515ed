/**
 * The model stage: a layout's SourceRecord (+ manifest) → the Edition the TEI serializer writes,
 * as a list of passes over the typed model, each in a module of its own:
 * header → participants → attribution → body (inline conventions, notes, mentions) →
 * numbering → method (the editorialDecl from the rules that fired).
 */
import type { SourceFile } from '../diagnostics.js';
import { EDITION_IDS } from '../ids.js';
import type { BracketConventionId } from '../conventions/brackets.js';
import { foldLines } from '../layouts/blocks.js';
import type { SourceRecord } from '../layouts/index.js';
import type { LoadedManifest } from '../manifest/index.js';
import type { Edition } from '../model.js';
import { attribute, checkOverrides, SUBJECT } from './attribution.js';
import { buildBody } from './body.js';
import { readHeader } from './header.js';
import { methodStatements } from './method.js';
import { numberBody } from './numbering.js';
import { readParticipants, reportUnlistedSpeakers } from './participants.js';

export interface BuildResult {
  edition: Edition;
  /** How often each bracket convention applied. */
  bracketCounts: Map<BracketConventionId, number>;
}

export function buildEdition(record: SourceRecord, file: SourceFile, id: string, loaded?: LoadedManifest): BuildResult {
  const { edition, frontNotes } = readHeader(record, file, id, loaded);
  const participants = readParticipants(record, loaded);
  const { registry } = participants;
  const decisions = attribute(file, record, registry, participants.attendanceRules, loaded);
  if (loaded) checkOverrides(record, registry, loaded);
  reportUnlistedSpeakers(decisions, participants, loaded, file);
  edition.groups = registry.finalGroups();

  const { body, footnotes, bracketCounts } = buildBody(decisions, record, registry, frontNotes, edition, file);
  edition.body = numberBody(body);
  edition.footnotes = footnotes;
  if (bracketCounts.has('hand-insertion')) {
    edition.hands.push({
      id: EDITION_IDS.handInsertions,
      description: 'Handwritten insertions in the original document, reported by the translator as "[inserted by hand: …]". The writer is not identified in the source.',
    });
  }
  edition.decisions = decisions.map(({ block, firstWords: words, role, speaker, ruleId, override }) => ({
    block,
    firstWords: words,
    role,
    ...(speaker ? { speaker } : {}),
    ruleId,
    override }));
  const subject = decisions.find((decision) => decision.ruleId === 'header/subject');
  const subjectText = subject ? foldLines(SUBJECT.exec(subject.source.text)?.[1] ?? '') : '';
  if (subjectText) edition.subject = subjectText;
  edition.method = methodStatements(edition, record, new Set(bracketCounts.keys()));
  return { edition, bracketCounts };
}
