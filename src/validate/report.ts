/**
 * Validation results in the forms CI systems read: text (file:line:col), JSON, JUnit XML and
 * GitHub Actions workflow commands. Pure functions from results to text.
 */
import { formatDiagnostic, plural, visibleControls, type Diagnostic } from '../diagnostics.js';
import type { ValidationResult } from './index.js';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ValidationRun {
  results: ValidationResult[];
  /** Schema the TEI files were validated against (path). */
  schema: string;
  /** Warnings count as failures. */
  strict: boolean;
}

export function fails(result: ValidationResult, strict: boolean): boolean {
  return result.diagnostics.some((diagnostic) => diagnostic.severity === 'error' || (strict && diagnostic.severity === 'warning'));
}

function totals(run: ValidationRun): { files: number; failed: number; errors: number; warnings: number } {
  const all = run.results.flatMap((result) => result.diagnostics);
  return {
    files: run.results.length,
    failed: run.results.filter((result) => fails(result, run.strict)).length,
    errors: all.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: all.filter((diagnostic) => diagnostic.severity === 'warning').length,
  };
}

export function summaryLine(run: ValidationRun): string {
  const { files, failed, errors, warnings } = totals(run);
  return `${plural(files, 'file')} checked: ${files - failed} valid, ${failed} invalid; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}

function formatText(run: ValidationRun, quiet: boolean): string {
  const lines = run.results.flatMap((result) =>
    result.diagnostics.filter((diagnostic) => !quiet || diagnostic.severity === 'error').map(formatDiagnostic),
  );
  return `${[...lines, summaryLine(run)].join('\n')}\n`;
}

function formatJson(run: ValidationRun): string {
  const { files, failed, errors, warnings } = totals(run);
  const report = {
    ok: failed === 0,
    schema: run.schema,
    strict: run.strict,
    summary: { files, valid: files - failed, invalid: failed, errors, warnings },
    files: run.results.map((result) => ({ path: result.path, kind: result.kind, valid: !fails(result, run.strict), diagnostics: result.diagnostics })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Text as XML character data: markup escaped, and control characters (which XML 1.0 cannot hold at all) shown as escapes. */
const escapeXml = (value: string): string =>
  visibleControls(value).replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character] ?? character);

/** One test case per file; a file with errors (or warnings, when strict) has one <failure>. */
function formatJunit(run: ValidationRun): string {
  const { files, failed } = totals(run);
  const cases = run.results.map((result) => {
    const name = `<testcase classname="teikit.validate.${result.kind}" name="${escapeXml(result.path)}"`;
    if (!fails(result, run.strict)) return `    ${name}/>`;
    const shown = result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
    const first = shown[0];
    const message = first ? `${first.reason} [${first.ruleId}]` : 'invalid';
    const details = shown.map(formatDiagnostic).join('\n');
    return `    ${name}>\n      <failure message="${escapeXml(message)}" type="${escapeXml(first?.ruleId ?? 'invalid')}">${escapeXml(details)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="teikit validate" tests="${files}" failures="${failed}">`,
    `  <testsuite name="teikit validate" tests="${files}" failures="${failed}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** GitHub Actions escaping: data escapes %, CR and LF; properties also ':' and ','. */
const escapeData = (value: string): string => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (value: string): string => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions workflow command for an error or warning (none for an info). */
export function githubAnnotation(diagnostic: Diagnostic): string | undefined {
  const command = diagnostic.severity === 'error' ? 'error' : diagnostic.severity === 'warning' ? 'warning' : undefined;
  if (!command) return undefined;
  const properties = [`file=${escapeProperty(diagnostic.file)}`];
  if (diagnostic.place) properties.push(`line=${diagnostic.place.start.line}`, `col=${diagnostic.place.start.column}`);
  properties.push(`title=${escapeProperty(diagnostic.ruleId)}`);
  const note = diagnostic.note ? `\n${diagnostic.note}` : '';
  return `::${command} ${properties.join(',')}::${escapeData(`${diagnostic.reason}${note}`)}`;
}

function formatGithub(run: ValidationRun): string {
  const lines = run.results.flatMap((result) => result.diagnostics.map(githubAnnotation).filter((line): line is string => line !== undefined));
  return `${[...lines, summaryLine(run)].join('\n')}\n`;
}

export function formatValidationRun(run: ValidationRun, format: ReportFormat, { quiet = false } = {}): string {
  switch (format) {
    case 'text':
      return formatText(run, quiet);
    case 'json':
      return formatJson(run);
    case 'junit':
      return formatJunit(run);
    case 'github':
      return formatGithub(run);
  }
}
