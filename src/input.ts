import { InputError, SourceFile, type DiagnosticInit } from './diagnostics.js';

/** Larger sources are refused: no record of this genre comes near it, and the whole text is held in memory. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/** Characters XML 1.0 cannot carry (NUL is caught earlier as a sign of a binary file). */
export const XML_FORBIDDEN_CHARACTER = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** "U+000C": how a character is named in diagnostics and in <g n="…">. */
export const codePointLabel = (character: string): string =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function fail(file: SourceFile, init: Omit<DiagnosticInit, 'source' | 'severity'>): never {
  throw new InputError(file.report({ ...init, source: 'teikit:input', severity: 'error' }));
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest decodable prefix; cut points may split a character, so
  // step back to a character boundary before trying.
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    let cut = middle;
    while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
    try {
      decoder.decode(bytes.subarray(0, cut));
      if (cut === low) break;
      low = cut;
    } catch {
      high = middle - 1;
    }
  }
  return low;
}

/**
 * Whether bytes are UTF-16 text, and in which order: by the byte-order mark, or (without one) by
 * NUL bytes at every other place of the first characters, which is how UTF-16 writes ASCII.
 */
function utf16Order(bytes: Uint8Array): { order: string; iconvName: string } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { order: 'little-endian, with a byte-order mark', iconvName: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { order: 'big-endian, with a byte-order mark', iconvName: 'UTF-16' };
  const sample = bytes.subarray(0, Math.min(bytes.length, 200) & ~1);
  if (sample.length < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenNul++;
    if (sample[index + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  if (oddNul >= pairs * 0.9 && evenNul === 0) return { order: 'little-endian', iconvName: 'UTF-16LE' };
  if (evenNul >= pairs * 0.9 && oddNul === 0) return { order: 'big-endian', iconvName: 'UTF-16BE' };
  return undefined;
}

/**
 * Decode a text file strictly: UTF-8 only, no binary data, nothing silently replaced.
 * Returns a SourceFile; throws InputError (with position) when the bytes cannot be text.
 */
export function decodeText(bytes: Uint8Array, path: string, what = 'source'): SourceFile {
  const empty = new SourceFile(path, '');
  if (bytes.length > MAX_SOURCE_BYTES) {
    fail(empty, {
      ruleId: 'input/too-large',
      reason: `The ${what} is ${bytes.length} bytes; teikit reads records of at most ${MAX_SOURCE_BYTES} bytes.`,
      note: 'Split the file into one record per file.',
    });
  }
  const utf16 = utf16Order(bytes);
  if (utf16) {
    fail(empty, {
      ruleId: 'input/encoding',
      reason: `The ${what} is UTF-16 (${utf16.order}); teikit reads UTF-8.`,
      note: `Convert the file to UTF-8 first, e.g. \`iconv -f ${utf16.iconvName} -t UTF-8\`.`,
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const prefix = new SourceFile(path, new TextDecoder().decode(bytes.subarray(0, nul)));
    fail(prefix, {
      ruleId: 'input/binary',
      reason: `The ${what} holds a NUL byte: this looks like a binary file, not text.`,
      place: prefix.place(prefix.text.length),
      note: 'Give teikit the plain-text (UTF-8) export of the record.',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    const prefix = new SourceFile(path, new TextDecoder().decode(bytes.subarray(0, at)));
    fail(prefix, {
      ruleId: 'input/encoding',
      reason: `The ${what} is not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte offset ${at}).`,
      place: prefix.place(prefix.text.length),
      note: 'Convert the file to UTF-8 first, e.g. `iconv -f WINDOWS-1252 -t UTF-8`.',
    });
  }
  // Line breaks are structure, not text: one form (LF) keeps every later stage simple.
  const lineBreaksNormalised = /\r/.test(text);
  if (lineBreaksNormalised) text = text.replace(/\r\n?/g, '\n');
  const file = new SourceFile(path, text);
  if (lineBreaksNormalised) {
    file.report({
      source: 'teikit:input',
      severity: 'info',
      ruleId: 'input/line-breaks',
      reason: 'CR and CRLF line breaks were read as LF.',
    });
  }
  // The decoder drops a leading BOM (ignoreBOM: false), so `text` has none; say so.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    file.report({
      source: 'teikit:input',
      severity: 'info',
      ruleId: 'input/bom',
      reason: 'A UTF-8 byte-order mark at the start of the file was skipped.',
    });
  }
  if (text.trim() === '') {
    fail(file, {
      ruleId: 'input/empty',
      reason: 'The file is empty: there is nothing to read.',
      note: 'Check that the path points at the right file.',
    });
  }
  return file;
}

/** Decode a source text for conversion: as decodeText, and say where characters XML cannot carry are. */
export function decodeSource(bytes: Uint8Array, path: string): SourceFile {
  const file = decodeText(bytes, path);
  const { text } = file;
  for (const match of text.matchAll(XML_FORBIDDEN_CHARACTER)) {
    // Form feeds are page breaks of PDF exports: the text stage writes them as <pb/>.
    if (match[0] === '\f') continue;
    const code = codePointLabel(match[0]);
    file.report({
      source: 'teikit:input',
      severity: 'warning',
      ruleId: 'input/control-character',
      reason: `Control character ${code} cannot appear in XML; it is kept as <g type="control" n="${code}"/>.`,
      place: file.place(match.index, match.index + 1),
    });
  }
  return file;
}
