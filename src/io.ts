import { chmodSync, chownSync, closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from './diagnostics.js';

/**
 * The largest file teikit reads (a TEI file of another project, a manifest, stdin): everything is
 * held in memory, and the read is refused before it starts when the size says so.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Write a file atomically: to a temporary file beside it, then rename over the target, so
 * that a reader (or a killed run) never sees half a file. A file that is already there keeps
 * its permissions (and, for root, its owner).
 */
export function writeFileAtomic(path: string, content: string): void {
  writeFileAtomicWith(path, (write) => write(content));
}

/** Write every byte: writeSync may write less than asked. */
function writeAll(descriptor: number, chunk: string): void {
  const bytes = Buffer.from(chunk);
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset);
}

/** The file's stat (of the link itself with `link`), or undefined where there is none. */
const statOrUndefined = (path: string, link = false): Stats | undefined => {
  try {
    return link ? lstatSync(path) : statSync(path);
  } catch {
    return undefined;
  }
};

/** The same, for content written in pieces (a file too large to hold at once). */
export function writeFileAtomicWith(path: string, produce: (write: (chunk: string) => void) => void): void {
  const temporary = writeTemporary(path, produce);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Write several files so that they are replaced all together or not at all: every temporary
 * file is written (where a full disk or a read-only folder fails) before the first rename.
 */
export function writeFilesTogether(files: readonly { path: string; content: string }[]): void {
  const temporaries: string[] = [];
  try {
    for (const file of files) {
      // A folder in a file's place would fail its rename after others were done.
      if (statOrUndefined(file.path)?.isDirectory()) throw Object.assign(new Error(`${file.path} is a directory`), { code: 'EISDIR' });
      temporaries.push(writeTemporary(file.path, (write) => write(file.content)));
    }
  } catch (error) {
    for (const temporary of temporaries) rmSync(temporary, { force: true });
    throw error;
  }
  files.forEach((file, index) => renameSync(temporaries[index]!, file.path));
}

/** The content in a temporary file beside `path`, with the permissions (and, for root, the owner) of the file it will replace. */
function writeTemporary(path: string, produce: (write: (chunk: string) => void) => void): string {
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true });
  const existing = statOrUndefined(path);
  const temporary = join(directory, `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'w');
    const fd = descriptor;
    produce((chunk) => writeAll(fd, chunk));
    closeSync(descriptor);
    descriptor = undefined;
    if (existing?.isFile()) {
      chmodSync(temporary, existing.mode & 0o7777);
      if (process.getuid?.() === 0) chownSync(temporary, existing.uid, existing.gid);
    }
    return temporary;
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Where an output is written: through a link to the file it points at (the link stays), and
 * straight into what is not a plain file (/dev/null, /dev/stdout, a FIFO) or a file with other
 * hard links (which a rename would break); atomically (temporary file + rename) everywhere else.
 */
function writeOutputFile(path: string, content: string): void {
  const link = statOrUndefined(path, true)?.isSymbolicLink() ? realpathSync(path) : path;
  const target = statOrUndefined(link);
  if (target && (!target.isFile() || target.nlink > 1)) {
    const descriptor = openSync(link, 'w');
    try {
      writeAll(descriptor, content);
    } finally {
      closeSync(descriptor);
    }
    return;
  }
  writeFileAtomic(link, content);
}

/** Whether two paths name the same file (after links), e.g. an output that would replace its input. */
export function sameFile(a: string, b: string): boolean {
  const first = statOrUndefined(a);
  const second = statOrUndefined(b);
  return first !== undefined && second !== undefined && first.isFile() && first.dev === second.dev && first.ino === second.ino;
}

const inputDiagnostic = (path: string, ruleId: string, reason: string, note?: string): Diagnostic => ({
  file: path,
  severity: 'error',
  source: 'teikit:input',
  ruleId,
  reason,
  ...(note ? { note } : {}),
});

/** `size`: "123456 bytes", or "more than N bytes" where reading stopped at the limit. */
const tooLarge = (path: string, what: string, size: string, maxBytes: number): Diagnostic =>
  inputDiagnostic(path, 'input/too-large', `The ${what} is ${size}; teikit reads files of at most ${maxBytes} bytes.`, 'Split it into smaller files.');

/** Read all of stdin, stopping at `maxBytes` (stdin may be endless: `teikit convert - < /dev/zero`). */
function readStandardInput(maxBytes: number): { bytes?: Buffer; diagnostic?: Diagnostic } {
  const chunks: Buffer[] = [];
  let total = 0;
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    let count: number;
    try {
      count = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking stdin with nothing yet: wait a moment and ask again.
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      return { diagnostic: inputDiagnostic('-', 'input/unreadable', `Standard input cannot be read (${code ?? String(error)}).`) };
    }
    if (count === 0) break;
    total += count;
    if (total > maxBytes) return { diagnostic: tooLarge('-', 'standard input', `more than ${maxBytes} bytes`, maxBytes) };
    chunks.push(Buffer.from(buffer.subarray(0, count)));
  }
  return { bytes: Buffer.concat(chunks) };
}

/**
 * Read a file (or stdin for "-"); `what` names it in the message ("source", "manifest"). Only a
 * regular file is read (a FIFO or a device would hang the run or never end), and its size is
 * checked before reading. Messages never quote the file's content.
 */
export function readInput(path: string, what: string, maxBytes = MAX_INPUT_BYTES): { bytes?: Buffer; diagnostic?: Diagnostic } {
  if (path === '-') return readStandardInput(maxBytes);
  let descriptor: number | undefined;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(descriptor);
    if (stat.isDirectory()) return { diagnostic: inputDiagnostic(path, 'input/unreadable', `The ${what} is a directory, not a file.`) };
    if (!stat.isFile()) {
      return { diagnostic: inputDiagnostic(path, 'input/not-a-file', `The ${what} is not a regular file (it is a device, a FIFO or a socket); teikit reads only files.`, 'Copy the content to a file first, or pipe it to "-" (standard input).') };
    }
    if (stat.size > maxBytes) return { diagnostic: tooLarge(path, what, `${stat.size} bytes`, maxBytes) };
    const bytes = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < bytes.length) {
      const count = readSync(descriptor, bytes, offset, bytes.length - offset, offset);
      if (count === 0) break;
      offset += count;
    }
    return { bytes: bytes.subarray(0, offset) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? `The ${what} does not exist.` : code === 'EISDIR' ? `The ${what} is a directory, not a file.` : `The ${what} cannot be read (${code ?? String(error)}).`;
    return { diagnostic: inputDiagnostic(path, 'input/unreadable', reason) };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** A folder that cannot be listed (permissions, a path too long): reported on it, and the walk goes on. */
export function unreadableFolder(path: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return inputDiagnostic(path, 'input/unreadable-folder', `This folder cannot be read (${code}); what it holds is left out.`, code === 'EACCES' ? 'Give teikit read permission on the folder, or move it out of the corpus.' : undefined);
}

/** Write an output (see writeOutputFile); a failure comes back as a diagnostic. */
export function writeOutput(path: string, content: string): Diagnostic | undefined {
  try {
    writeOutputFile(path, content);
    return undefined;
  } catch (error) {
    const reason = `The output cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`;
    return { file: path, severity: 'error', source: 'teikit:input', ruleId: 'output/unwritable', reason };
  }
}
