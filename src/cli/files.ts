/** Reading inputs and writing outputs for the commands, with failures as diagnostics. */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../io.js';

/** Read a file (or stdin for "-"); `what` names it in the message ("source", "manifest"). */
export function readInput(path: string, what: string): { bytes?: Buffer; diagnostic?: Diagnostic } {
  try {
    return { bytes: path === '-' ? readFileSync(0) : readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? `The ${what} does not exist.` : code === 'EISDIR' ? `The ${what} is a directory, not a file.` : `The ${what} cannot be read (${code ?? String(error)}).`;
    return { diagnostic: { file: path, severity: 'error', source: 'teikit:cli', ruleId: 'cli/unreadable', reason } };
  }
}

/** Write an output atomically; a failure comes back as a diagnostic. */
export function writeOutput(path: string, content: string): Diagnostic | undefined {
  try {
    writeFileAtomic(path, content);
    return undefined;
  } catch (error) {
    const reason = `The output cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`;
    return { file: path, severity: 'error', source: 'teikit:cli', ruleId: 'cli/unwritable', reason };
  }
}
