import type { DateValue } from '../model.js';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH = `(${MONTHS.join('|')})`;

const pad = (value: number): string => String(value).padStart(2, '0');

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.toLowerCase()) + 1;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Date forms of the genre, each read into ISO 8601. Whole-string matches only. */
const DATE_FORMS: { pattern: RegExp; read: (match: RegExpMatchArray) => [number, number?, number?] }[] = [
  // "September 20, 1956", "February 24th, 1943"
  { pattern: new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\.?$`, 'i'), read: (m) => [Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2])] },
  // "20 September 1956", "24th February 1943"
  { pattern: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\.?$`, 'i'), read: (m) => [Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1])] },
  // "September 1956"
  { pattern: new RegExp(`^${MONTH},?\\s+(\\d{4})\\.?$`, 'i'), read: (m) => [Number(m[2]), monthNumber(m[1] ?? '')] },
  // "1956-09-20"
  { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  // "1956"
  { pattern: /^(\d{4})$/, read: (m) => [Number(m[1])] },
];

/** Read a date as the genre writes it. `when` is absent when the text is not a (real) date. */
export function parseDate(text: string): DateValue {
  const trimmed = text.trim();
  for (const form of DATE_FORMS) {
    const match = trimmed.match(form.pattern);
    if (!match) continue;
    const [year, month, day] = form.read(match);
    if (month !== undefined && (month < 1 || month > 12)) return { text };
    if (day !== undefined && month !== undefined) {
      return isRealDay(year, month, day) ? { text, when: `${year}-${pad(month)}-${pad(day)}` } : { text };
    }
    return { text, when: month === undefined ? String(year) : `${year}-${pad(month)}` };
  }
  return { text };
}

const DATE_IN_TEXT = new RegExp(`${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}`, 'i');

/** The first date written somewhere in a text ("[Washington,] May 11, 1949."), with its offset. */
export function findDate(text: string): (DateValue & { index: number }) | undefined {
  const match = DATE_IN_TEXT.exec(text);
  if (!match) return undefined;
  const date = parseDate(match[0]);
  return date.when ? { ...date, index: match.index } : undefined;
}
