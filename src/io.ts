import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from './diagnostics.js';

/**
 * Write a file atomically: to a temporary file beside it, then rename over the target, so
 * that a reader (or a killed run) never sees half a file.
 */
export function writeFileAtomic(path: string, content: string): void {
  writeFileAtomicWith(path, (write) => write(content));
}

/** The same, for content written in pieces (a file too large to hold at once). */
export function writeFileAtomicWith(path: string, produce: (write: (chunk: string) => void) => void): void {
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true });
  const temporary = join(directory, `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'w');
    const fd = descriptor;
    produce((chunk) => {
      const bytes = Buffer.from(chunk);
      // writeSync may write less than asked; loop until all of it is out.
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    });
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Read a file (or stdin for "-"); `what` names it in the message ("source", "manifest"). */
export function readInput(path: string, what: string): { bytes?: Buffer; diagnostic?: Diagnostic } {
  try {
    return { bytes: path === '-' ? readFileSync(0) : readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? `The ${what} does not exist.` : code === 'EISDIR' ? `The ${what} is a directory, not a file.` : `The ${what} cannot be read (${code ?? String(error)}).`;
    return { diagnostic: { file: path, severity: 'error', source: 'teikit:input', ruleId: 'input/unreadable', reason } };
  }
}

/** Write an output atomically; a failure comes back as a diagnostic. */
export function writeOutput(path: string, content: string): Diagnostic | undefined {
  try {
    writeFileAtomic(path, content);
    return undefined;
  } catch (error) {
    const reason = `The output cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`;
    return { file: path, severity: 'error', source: 'teikit:input', ruleId: 'output/unwritable', reason };
  }
}
