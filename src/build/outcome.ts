/** What building one edition gives back to the main thread (structured-cloned from a worker). */
import type { Diagnostic } from '../diagnostics.js';
import { displayPath, type EditionSource } from './editions.js';

export interface EditionOutcome {
  key: string;
  status: 'built' | 'failed';
  diagnostics: Diagnostic[];
  /** Wall time of this edition in the worker, in milliseconds. */
  milliseconds: number;
}

/** An edition that failed for a reason outside its files' content: a crash, a full disk, memory. */
export function failedOutcome(edition: EditionSource, detail: string, milliseconds: number): EditionOutcome {
  return {
    key: edition.key,
    status: 'failed',
    milliseconds,
    diagnostics: [
      {
        file: displayPath(edition.source.path),
        severity: 'error',
        source: 'teikit:cli',
        ruleId: 'build/internal-error',
        reason: `teikit failed on this edition: ${detail}.`,
        note: 'If the message is not about your files (disk full, permissions), this is a bug in teikit; please report it with the edition.',
      },
    ],
  };
}
