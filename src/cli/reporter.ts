import { formatDiagnostic, plural, type Diagnostic } from '../diagnostics.js';

/** Diagnostics as text lines for stderr, with a closing count (pure: returns the text). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], { quiet = false } = {}): string {
  const shown = quiet ? diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : diagnostics;
  if (shown.length === 0) return '';
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return `${shown.map(formatDiagnostic).join('\n')}\n${summary}\n`;
}
