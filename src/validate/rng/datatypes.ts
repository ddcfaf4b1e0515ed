/**
 * The datatypes of RELAX NG schemas: the built-in library (string, token) and the XML Schema
 * types TEI uses, with the facets it uses (pattern, minInclusive, maxInclusive, and the length
 * facets). Lexical checks as XML Schema 1.0 states them, which is what jing implements.
 */

export interface DatatypeSpec {
  library: string;
  type: string;
  params: { name: string; value: string }[];
}

export interface Datatype {
  /** Library, type and parameters: equal keys are the same datatype (patterns are interned by it). */
  readonly key: string;
  /** What it was made from (the compiled schema stores it). */
  readonly spec: DatatypeSpec;
  /** Whether a text is a value of the type (after the type's whitespace processing). */
  allows(text: string): boolean;
  /** The text as the type compares it (whitespace processing). */
  normalize(text: string): string;
}

export class DatatypeError extends Error {}

const XSD = 'http://www.w3.org/2001/XMLSchema-datatypes';

/** Most values need no collapsing: tested first, as replacing allocates. */
const collapse = (text: string): string => (/[\t\n\r]|  |^ | $/.test(text) ? text.replace(/[ \t\n\r]+/g, ' ').trim() : text);
const replaceWhitespace = (text: string): string => text.replace(/[\t\n\r]/g, ' ');

const NAME_START = '\\p{L}_\\u02BB-\\u02C1\\u0559\\u06E5\\u06E6';
const NAME_CHAR = `${NAME_START}\\p{N}\\p{M}.\\-\\u00B7\\u0387\\u203F\\u2040`;
const NC_NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
const NAME = new RegExp(`^[${NAME_START}:][${NAME_CHAR}:]*$`, 'u');

const TIMEZONE = '(Z|[+-](?:(?:0\\d|1[0-3]):[0-5]\\d|14:00))?';
const YEAR = '-?(?:[1-9]\\d{4,}|\\d{4})';
const MONTH = '(?:0[1-9]|1[0-2])';
const DAY = '(?:0[1-9]|[12]\\d|3[01])';
const TIME = '(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?|24:00:00(?:\\.0+)?)';

const daysIn = (year: number, month: number): number =>
  month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** A date's year, month and day exist (year 0 does not, in XML Schema 1.0; February has 28 or 29 days). */
function dateExists(text: string): boolean {
  const match = /^(-?\d+)-(\d\d)-(\d\d)/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  return year !== 0 && Number(match[3]) <= daysIn(Math.abs(year), Number(match[2]));
}

const yearIsNotZero = (text: string): boolean => Number(/^-?\d+/.exec(text)?.[0] ?? '1') !== 0;

/** Lexical forms of the XML Schema types teikit knows, after whitespace collapsing. */
const LEXICAL: Record<string, (text: string) => boolean> = {
  string: () => true,
  normalizedString: () => true,
  token: () => true,
  NCName: (text) => NC_NAME.test(text),
  Name: (text) => NAME.test(text),
  ID: (text) => NC_NAME.test(text),
  IDREF: (text) => NC_NAME.test(text),
  IDREFS: (text) => text !== '' && text.split(' ').every((part) => NC_NAME.test(part)),
  NMTOKEN: (text) => new RegExp(`^[${NAME_CHAR}:]+$`, 'u').test(text),
  NMTOKENS: (text) => text !== '' && text.split(' ').every((part) => new RegExp(`^[${NAME_CHAR}:]+$`, 'u').test(part)),
  language: (text) => /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(text),
  anyURI: (text) => anyUri(text),
  boolean: (text) => /^(true|false|1|0)$/.test(text),
  decimal: (text) => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text),
  integer: (text) => /^[+-]?\d+$/.test(text),
  nonNegativeInteger: (text) => /^(\+?\d+|-0+)$/.test(text),
  positiveInteger: (text) => /^\+?\d+$/.test(text) && /[1-9]/.test(text),
  nonPositiveInteger: (text) => /^(-\d+|\+?0+)$/.test(text),
  negativeInteger: (text) => /^-\d+$/.test(text) && /[1-9]/.test(text),
  double: (text) => /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/.test(text),
  float: (text) => /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/.test(text),
  date: (text) => new RegExp(`^${YEAR}-${MONTH}-${DAY}${TIMEZONE}$`).test(text) && dateExists(text),
  dateTime: (text) => new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${TIMEZONE}$`).test(text) && dateExists(text),
  time: (text) => new RegExp(`^${TIME}${TIMEZONE}$`).test(text),
  gYear: (text) => new RegExp(`^${YEAR}${TIMEZONE}$`).test(text) && yearIsNotZero(text),
  gYearMonth: (text) => new RegExp(`^${YEAR}-${MONTH}${TIMEZONE}$`).test(text) && yearIsNotZero(text),
  gMonth: (text) => new RegExp(`^--${MONTH}${TIMEZONE}$`).test(text),
  gDay: (text) => new RegExp(`^---${DAY}${TIMEZONE}$`).test(text),
  gMonthDay: (text) => {
    const match = new RegExp(`^--(${MONTH})-(${DAY})${TIMEZONE}$`).exec(text);
    return match !== null && Number(match[2]) <= daysIn(2000, Number(match[1]));
  },
  duration: (text) => /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(text),
};

/** Types whose value space is numeric: the range facets compare numbers. */
const NUMERIC = new Set(['decimal', 'integer', 'nonNegativeInteger', 'positiveInteger', 'nonPositiveInteger', 'negativeInteger', 'double', 'float']);
/** Types that keep their whitespace (the others collapse it). */
const PRESERVED = new Set(['string']);

/**
 * An anyURI as jing reads one: characters a URI may not hold are escaped first (so a space or
 * a letter outside ASCII is fine), then a "%" must begin an escape and "#" may occur once.
 */
function anyUri(text: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return false;
  return text.indexOf('#') === text.lastIndexOf('#');
}

/** XML Schema's regular expressions in JavaScript's (unicode mode): anchored, with XSD's classes. */
export function translateXsdRegex(source: string): RegExp {
  let out = '';
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const character = source[index]!;
    if (character === '\\') {
      const next = source[index + 1] ?? '';
      index += 1;
      if (next === 'p' || next === 'P') {
        const end = source.indexOf('}', index);
        out += `\\${next}${source.slice(index + 1, end + 1)}`;
        index = end;
      } else if (next === 'd') out += '\\p{Nd}';
      else if (next === 'D') out += '\\P{Nd}';
      else if (next === 's') out += inClass ? ' \\t\\n\\r' : '[ \\t\\n\\r]';
      // Inside a class JavaScript's \S stands in (it also excludes other spaces).
      else if (next === 'S') out += inClass ? '\\S' : '[^ \\t\\n\\r]';
      else if (next === 'i') out += inClass ? `${NAME_START}:` : `[${NAME_START}:]`;
      else if (next === 'I') out += `[^${NAME_START}:]`;
      else if (next === 'c') out += inClass ? `${NAME_CHAR}:` : `[${NAME_CHAR}:]`;
      else if (next === 'C') out += `[^${NAME_CHAR}:]`;
      else if (next === 'w') out += inClass ? '\\p{L}\\p{M}\\p{N}\\p{S}\\p{Pc}' : '[^\\p{P}\\p{Z}\\p{C}]';
      else if (next === 'W') out += '[\\p{P}\\p{Z}\\p{C}]';
      else if ('nrt'.includes(next)) out += `\\${next}`;
      // Unicode mode escapes only syntax characters outside a class ("\-" is "-" there).
      else if (inClass || '^$\\.*+?()[]{}|/'.includes(next)) out += `\\${next}`;
      else out += next;
      continue;
    }
    if (inClass) {
      if (character === ']') inClass = false;
      // XSD's class subtraction "[a-z-[aeiou]]" has no JavaScript form without the v flag.
      if (character === '-' && source[index + 1] === '[') throw new DatatypeError(`character class subtraction in /${source}/ is not supported`);
      out += character;
      continue;
    }
    if (character === '[') {
      inClass = true;
      out += character;
      if (source[index + 1] === '^') {
        out += '^';
        index += 1;
      }
      // A "]" first in a class is a character.
      if (source[index + 1] === ']') {
        out += '\\]';
        index += 1;
      }
      continue;
    }
    out += character === '.' ? '[^\\n\\r]' : character === '^' || character === '$' ? `\\${character}` : character;
  }
  try {
    return new RegExp(`^(?:${out})$`, 'u');
  } catch (error) {
    throw new DatatypeError(`the pattern /${source}/ is not one teikit can read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type Facet = (value: string) => boolean;

function facet(type: string, name: string, value: string): Facet {
  const length = (text: string): number => [...text].length;
  switch (name) {
    case 'pattern': {
      const regex = translateXsdRegex(value);
      return (text) => regex.test(text);
    }
    case 'minInclusive':
    case 'maxInclusive':
    case 'minExclusive':
    case 'maxExclusive': {
      if (!NUMERIC.has(type)) throw new DatatypeError(`${name} on ${type} is not supported`);
      const bound = Number(value);
      if (name === 'minInclusive') return (text) => Number(text) >= bound;
      if (name === 'maxInclusive') return (text) => Number(text) <= bound;
      if (name === 'minExclusive') return (text) => Number(text) > bound;
      return (text) => Number(text) < bound;
    }
    case 'length':
      return (text) => length(text) === Number(value);
    case 'minLength':
      return (text) => length(text) >= Number(value);
    case 'maxLength':
      return (text) => length(text) <= Number(value);
    default:
      throw new DatatypeError(`the facet ${name} is not supported`);
  }
}

/** The datatype a `<data>` or `<value>` names; unknown libraries and types are schema errors. */
export function datatype(library: string, type: string, params: readonly { name: string; value: string }[] = []): Datatype {
  const key = `${library}#${type}${params.map((param) => `;${param.name}=${param.value}`).join('')}`;
  const spec = { library, type, params: params.map(({ name, value }) => ({ name, value })) };
  if (library === '') {
    if (type !== 'string' && type !== 'token') throw new DatatypeError(`the built-in library has no type "${type}"`);
    const normalize = type === 'string' ? (text: string) => text : collapse;
    return { key, spec, allows: () => true, normalize };
  }
  if (library !== XSD) throw new DatatypeError(`the datatype library ${library} is not supported`);
  const lexical = LEXICAL[type];
  if (!lexical) throw new DatatypeError(`the XML Schema type "${type}" is not supported`);
  const normalize = PRESERVED.has(type) ? (text: string) => text : type === 'normalizedString' ? replaceWhitespace : collapse;
  const facets = params.map((param) => facet(type, param.name, param.value));
  return { key, spec, normalize, allows: (text) => {
    const value = normalize(text);
    return lexical(value) && facets.every((check) => check(value));
  } };
}
