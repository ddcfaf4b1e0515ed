/**
 * The patterns of a simplified RELAX NG schema, hash-consed: a pattern is made once for each
 * distinct structure (the constructors return the existing object), so equal patterns are one
 * object, a pattern's identity is its number, and derivatives can be memoized per pattern.
 * The constructors simplify as they build (a choice with notAllowed is its other side, a group
 * with empty is its other member, a choice of a pattern with itself is the pattern), which keeps
 * the number of distinct patterns small while a document is validated.
 * After James Clark, "An algorithm for RELAX NG validation" (2002), the algorithm jing uses.
 */
import type { Datatype } from './datatypes.js';

export type NameClass =
  | { kind: 'name'; uri: string; local: string }
  | { kind: 'nsName'; uri: string; except?: NameClass }
  | { kind: 'anyName'; except?: NameClass }
  | { kind: 'choice'; first: NameClass; second: NameClass };

export function nameMatches(nameClass: NameClass, uri: string, local: string): boolean {
  switch (nameClass.kind) {
    case 'name':
      return nameClass.uri === uri && nameClass.local === local;
    case 'nsName':
      return nameClass.uri === uri && !(nameClass.except && nameMatches(nameClass.except, uri, local));
    case 'anyName':
      return !(nameClass.except && nameMatches(nameClass.except, uri, local));
    case 'choice':
      return nameMatches(nameClass.first, uri, local) || nameMatches(nameClass.second, uri, local);
  }
}

/**
 * How closely a name class names a name (jing's specificity): an exact name beats a namespace,
 * which beats any name; -1 when the class does not contain the name.
 */
export function specificity(nameClass: NameClass, uri: string, local: string): number {
  if (!nameMatches(nameClass, uri, local)) return -1;
  switch (nameClass.kind) {
    case 'name':
      return 2;
    case 'nsName':
      return 1;
    case 'anyName':
      return 0;
    case 'choice':
      return Math.max(specificity(nameClass.first, uri, local), specificity(nameClass.second, uri, local));
  }
}

/** The names a name class lists (a wildcard lists none): for "Allowed here" notes. */
export function listedNames(nameClass: NameClass): { uri: string; local: string }[] {
  switch (nameClass.kind) {
    case 'name':
      return [{ uri: nameClass.uri, local: nameClass.local }];
    case 'choice':
      return [...listedNames(nameClass.first), ...listedNames(nameClass.second)];
    default:
      return [];
  }
}

const nameClassKey = (nameClass: NameClass): string => {
  switch (nameClass.kind) {
    case 'name':
      return `n{${nameClass.uri}}${nameClass.local}`;
    case 'nsName':
      return `s{${nameClass.uri}}${nameClass.except ? `-(${nameClassKey(nameClass.except)})` : ''}`;
    case 'anyName':
      return `*${nameClass.except ? `-(${nameClassKey(nameClass.except)})` : ''}`;
    case 'choice':
      return `(${nameClassKey(nameClass.first)}|${nameClassKey(nameClass.second)})`;
  }
};

interface Base {
  /** Unique per distinct pattern: the memo key. */
  readonly id: number;
  /** Matches the empty sequence. */
  readonly nullable: boolean;
  /** Its text derivative depends on the text (data, value or list reachable outside elements and attributes). */
  readonly textSensitive: boolean;
  /** Memoized derivatives (filled as the validator needs them). */
  readonly memo: Memo;
}

export interface Memo {
  /** Start-tag derivatives by namespace, then local name. */
  start?: Map<string, Map<string, Pattern>>;
  /** The start-tag derivative that may skip required content (jing's recovery for "not allowed yet"). */
  recover?: Map<string, Map<string, Pattern>>;
  /** Text derivatives of a text-sensitive pattern, for short texts. */
  values?: Map<string, Pattern>;
  attribute?: Map<string, Pattern>;
  close?: Pattern;
  end?: Pattern;
  text?: Pattern;
  /** Its text derivative for a whitespace-only text, or for a missing one (the same: both match an empty data). */
  blank?: Pattern;
}

export type Pattern =
  | (Base & { kind: 'empty' | 'notAllowed' | 'text' })
  | (Base & { kind: 'choice' | 'group' | 'interleave' | 'after'; first: Pattern; second: Pattern })
  | (Base & { kind: 'oneOrMore' | 'list'; content: Pattern })
  | (Base & { kind: 'data'; datatype: Datatype; except?: Pattern })
  | (Base & { kind: 'value'; datatype: Datatype; value: string })
  | (Base & { kind: 'attribute'; name: NameClass; content: Pattern })
  | (Base & { kind: 'element'; name: NameClass; element: ElementDefinition });

/** An element's content is set after all definitions exist: definitions refer to each other. */
export interface ElementDefinition {
  name: NameClass;
  content: Pattern;
  /** Its place among the grammar's definitions, for the compiled form. */
  index: number;
}

type Shape =
  | { kind: 'empty' | 'notAllowed' | 'text' }
  | { kind: 'choice' | 'group' | 'interleave' | 'after'; first: Pattern; second: Pattern }
  | { kind: 'oneOrMore' | 'list'; content: Pattern }
  | { kind: 'data'; datatype: Datatype; except?: Pattern }
  | { kind: 'value'; datatype: Datatype; value: string }
  | { kind: 'attribute'; name: NameClass; content: Pattern }
  | { kind: 'element'; name: NameClass; element: ElementDefinition };

/** One table of patterns per schema: patterns of different schemas never meet. */
export class PatternTable {
  private readonly table = new Map<string, Pattern>();
  private next = 0;
  readonly empty = this.make('e', { kind: 'empty' }, true, false);
  readonly notAllowed = this.make('x', { kind: 'notAllowed' }, false, false);
  readonly text = this.make('t', { kind: 'text' }, true, false);

  /** How many distinct patterns exist (grows while documents are validated). */
  get size(): number {
    return this.table.size;
  }

  private make(key: string, shape: Shape, nullable: boolean, textSensitive: boolean): Pattern {
    const existing = this.table.get(key);
    if (existing) return existing;
    const pattern = { ...shape, id: this.next++, nullable, textSensitive, memo: {} } as Pattern;
    this.table.set(key, pattern);
    return pattern;
  }

  choice(first: Pattern, second: Pattern): Pattern {
    if (first === second || second.kind === 'notAllowed') return first;
    if (first.kind === 'notAllowed') return second;
    // Commutative: one order only, so that a|b and b|a are one pattern.
    const [a, b] = first.id < second.id ? [first, second] : [second, first];
    // Associative enough to keep a choice from holding the same alternative twice.
    if (a.kind === 'choice' && (a.first === b || a.second === b)) return a;
    if (b.kind === 'choice' && (b.first === a || b.second === a)) return b;
    return this.make(`c${a.id},${b.id}`, { kind: 'choice', first: a, second: b }, a.nullable || b.nullable, a.textSensitive || b.textSensitive);
  }

  group(first: Pattern, second: Pattern): Pattern {
    if (first.kind === 'notAllowed' || second.kind === 'notAllowed') return this.notAllowed;
    if (first.kind === 'empty') return second;
    if (second.kind === 'empty') return first;
    return this.make(`g${first.id},${second.id}`, { kind: 'group', first, second }, first.nullable && second.nullable, first.textSensitive || second.textSensitive);
  }

  interleave(first: Pattern, second: Pattern): Pattern {
    if (first.kind === 'notAllowed' || second.kind === 'notAllowed') return this.notAllowed;
    if (first.kind === 'empty') return second;
    if (second.kind === 'empty') return first;
    const [a, b] = first.id < second.id ? [first, second] : [second, first];
    return this.make(`i${a.id},${b.id}`, { kind: 'interleave', first: a, second: b }, a.nullable && b.nullable, a.textSensitive || b.textSensitive);
  }

  after(first: Pattern, second: Pattern): Pattern {
    if (first.kind === 'notAllowed' || second.kind === 'notAllowed') return this.notAllowed;
    return this.make(`a${first.id},${second.id}`, { kind: 'after', first, second }, false, first.textSensitive);
  }

  oneOrMore(content: Pattern): Pattern {
    if (content.kind === 'notAllowed' || content.kind === 'empty') return content;
    if (content.kind === 'oneOrMore') return content;
    return this.make(`o${content.id}`, { kind: 'oneOrMore', content }, content.nullable, content.textSensitive);
  }

  list(content: Pattern): Pattern {
    if (content.kind === 'notAllowed') return content;
    return this.make(`l${content.id}`, { kind: 'list', content }, false, true);
  }

  data(datatype: Datatype, except?: Pattern): Pattern {
    const exception = except && except.kind !== 'notAllowed' ? except : undefined;
    return this.make(`d${datatype.key}${exception ? `-${exception.id}` : ''}`, { kind: 'data', datatype, ...(exception ? { except: exception } : {}) }, false, true);
  }

  value(datatype: Datatype, value: string): Pattern {
    return this.make(`v${datatype.key}\0${value}`, { kind: 'value', datatype, value }, false, true);
  }

  attribute(name: NameClass, content: Pattern): Pattern {
    return this.make(`@${nameClassKey(name)}=${content.id}`, { kind: 'attribute', name, content }, false, false);
  }

  element(element: ElementDefinition): Pattern {
    return this.make(`<${element.index}`, { kind: 'element', name: element.name, element }, false, false);
  }
}
