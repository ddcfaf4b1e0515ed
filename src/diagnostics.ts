/**
 * One message type for every stage (in the spirit of vfile-message): stages never print,
 * they attach diagnostics to the file they work on; a reporter turns them into text at the end.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A point in a source text. `line` and `column` are 1-based; `column` counts UTF-16 code units. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Place {
  start: Point;
  end: Point;
}

/** Where a diagnostic comes from: the stage or the external tool. */
export type DiagnosticSource =
  | 'teikit:input'
  | 'teikit:layout'
  | 'teikit:brackets'
  | 'teikit:speakers'
  | 'teikit:persons'
  | 'teikit:header'
  | 'teikit:manifest'
  | 'teikit:cli'
  | 'teikit:xml'
  | 'teikit:relaxng'
  | 'teikit:rules'
  | 'teikit:render';

export interface Diagnostic {
  /** What happened, in one sentence. */
  reason: string;
  severity: Severity;
  /** Stable id of the rule or check, e.g. `brackets/unbalanced`. */
  ruleId: string;
  source: DiagnosticSource;
  /** Path of the file the diagnostic is about (as given by the user). */
  file: string;
  place?: Place;
  /** JSON pointer into a manifest, for manifest diagnostics. */
  pointer?: string;
  /** How to fix it, or what the converter did instead. */
  note?: string;
}

export type DiagnosticInit = Omit<Diagnostic, 'file'>;

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * A text file travelling through the pipeline: its path, its text, and the diagnostics the
 * stages attached to it. Turns offsets into line/column points.
 */
/** Diagnostics of one rule listed per file; the rest are counted (see SourceFile.report). */
export const MAX_REPORTS_PER_RULE = 100;

export class SourceFile {
  readonly path: string;
  readonly text: string;
  readonly messages: Diagnostic[] = [];
  #lineStarts: number[] | undefined;
  readonly #perRule = new Map<string, number>();
  readonly #summaries = new Map<string, Diagnostic>();

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
  }

  /** Offsets where lines start; computed on the first diagnostic (most files never need them). */
  get #starts(): number[] {
    if (!this.#lineStarts) {
      this.#lineStarts = [0];
      for (const match of this.text.matchAll(LINE_BREAK)) this.#lineStarts.push(match.index + match[0].length);
    }
    return this.#lineStarts;
  }

  point(offset: number): Point {
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1, offset };
  }

  place(start: number, end: number = start): Place {
    return { start: this.point(start), end: this.point(end) };
  }

  /**
   * Attach a diagnostic. Past MAX_REPORTS_PER_RULE of one rule in a file, the rest are counted in
   * one last diagnostic of that rule instead of listed (a file with 100,000 unbalanced brackets
   * gave 18 MB of warnings).
   */
  report(init: DiagnosticInit): Diagnostic {
    const diagnostic: Diagnostic = { ...init, file: this.path };
    const count = (this.#perRule.get(init.ruleId) ?? 0) + 1;
    this.#perRule.set(init.ruleId, count);
    if (count <= MAX_REPORTS_PER_RULE) {
      this.messages.push(diagnostic);
      return diagnostic;
    }
    const more = count - MAX_REPORTS_PER_RULE;
    let summary = this.#summaries.get(init.ruleId);
    if (!summary) {
      summary = { ...diagnostic };
      delete summary.note;
      this.#summaries.set(init.ruleId, summary);
      this.messages.push(summary);
    }
    summary.reason = `${plural(more, 'more diagnostic')} of this rule in this file, from here on, not listed (the first ${MAX_REPORTS_PER_RULE} are).`;
    return diagnostic;
  }

  get hasErrors(): boolean {
    return this.messages.some((message) => message.severity === 'error');
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sort by file, then position, then severity: the order a reader expects. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.place?.start.offset ?? -1) - (b.place?.start.offset ?? -1) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

/** "1 error", "2 errors": a count with its noun, for summaries. */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Control characters of a file name or a message shown as escapes: a newline in a file name must
 * not start a line that reads as another diagnostic.
 */
export const visibleControls = (text: string): string =>
  text.replace(/\p{Cc}/gu, (character) => {
    const code = character.charCodeAt(0);
    return code === 10 ? '\\n' : code === 13 ? '\\r' : code === 9 ? '\\t' : `\\x${code.toString(16).padStart(2, '0')}`;
  });

/** `file:line:col: severity: message [rule-id]` (the form editors and CI annotators parse). */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const file = visibleControls(diagnostic.file);
  const where = diagnostic.place
    ? `${file}:${diagnostic.place.start.line}:${diagnostic.place.start.column}`
    : diagnostic.pointer !== undefined
      ? `${file}#${visibleControls(diagnostic.pointer)}`
      : file;
  const note = diagnostic.note ? `\n  note: ${visibleControls(diagnostic.note)}` : '';
  return `${where}: ${diagnostic.severity}: ${visibleControls(diagnostic.reason)} [${diagnostic.ruleId}]${note}`;
}

/** A condition that stops a stage: the input cannot be converted at all. */
export class InputError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.reason);
    this.name = 'InputError';
    this.diagnostic = diagnostic;
  }
}
