import type { ConversionReport } from './convert.js';

/** The attribution report as a table an editor can read and act on in edition.json. */
export function formatReport(report: ConversionReport): string {
  const lines = [
    `layout: ${report.layout}`,
    `header found: ${report.header.found.join(', ') || '-'}`,
    `header missing: ${report.header.missing.join(', ') || '-'}`,
    `turns: ${report.turns}; paragraphs: ${report.paragraphs}; notes: ${report.notes}; persons: ${report.persons.length}; warnings: ${report.warnings}`,
    '',
    'block  role        speaker               rule                               override  first words',
  ];
  for (const decision of report.decisions) {
    lines.push(
      [
        String(decision.block).padEnd(6),
        decision.role.padEnd(11),
        (decision.speaker ?? '-').padEnd(21),
        decision.ruleId.padEnd(34),
        (decision.override ? 'yes' : 'no').padEnd(9),
        decision.firstWords,
      ].join(' '),
    );
  }
  lines.push('', 'persons:');
  for (const person of report.persons) lines.push(`  ${person.id.padEnd(22)} ${person.name}  (${person.group})`);
  lines.push('', 'brackets:');
  for (const [id, count] of Object.entries(report.brackets)) lines.push(`  ${id.padEnd(22)} ${count}`);
  return `${lines.join('\n')}\n`;
}
