/**
 * A simplified RELAX NG schema (RELAX NG 1.0, section 4: one grammar, a start, and one define per
 * element) made into patterns; and the compiled form the schema cache holds: the distinct
 * patterns in order, each naming its operands by number (tei_all: ~7,000 patterns, a few
 * hundred kilobytes, read without simplifying the schema again).
 */
import { datatype, DatatypeError, type DatatypeSpec } from './datatypes.js';
import { PatternTable, type ElementDefinition, type NameClass, type Pattern } from './patterns.js';
import type { Grammar } from './validator.js';

/** A node of the simplified schema: a RELAX NG element (its local name, attributes, children) or text. */
export interface RngNode {
  local: string;
  attributes: Record<string, string>;
  children: (RngNode | string)[];
}

export class GrammarError extends Error {}

const elements = (node: RngNode): RngNode[] => node.children.filter((child): child is RngNode => typeof child !== 'string');
const textOf = (node: RngNode): string => node.children.filter((child): child is string => typeof child === 'string').join('');

function only(node: RngNode, index = 0): RngNode {
  const child = elements(node)[index];
  if (!child) throw new GrammarError(`<${node.local}> lacks a child in the simplified schema`);
  return child;
}

function nameClass(node: RngNode): NameClass {
  const except = (): NameClass | undefined => {
    const exception = elements(node).find((child) => child.local === 'except');
    return exception ? elements(exception).map(nameClass).reduce((first, second) => ({ kind: 'choice', first, second })) : undefined;
  };
  switch (node.local) {
    case 'name':
      return { kind: 'name', uri: node.attributes.ns ?? '', local: textOf(node).trim() };
    case 'nsName': {
      const exception = except();
      return { kind: 'nsName', uri: node.attributes.ns ?? '', ...(exception ? { except: exception } : {}) };
    }
    case 'anyName': {
      const exception = except();
      return { kind: 'anyName', ...(exception ? { except: exception } : {}) };
    }
    case 'choice':
      return elements(node).map(nameClass).reduce((first, second) => ({ kind: 'choice', first, second }));
    default:
      throw new GrammarError(`<${node.local}> is not a name class`);
  }
}

/** Build the grammar's patterns; a construct or datatype teikit cannot check is an error naming it. */
export function grammarFromTree(root: RngNode): Grammar {
  if (root.local !== 'grammar') throw new GrammarError('the simplified schema is not a <grammar>');
  const table = new PatternTable();
  const defines = elements(root).filter((child) => child.local === 'define');
  const definitions = new Map<string, ElementDefinition>();
  const all: ElementDefinition[] = [];
  defines.forEach((define) => {
    const element = only(define);
    if (element.local !== 'element') throw new GrammarError(`the define "${define.attributes.name}" is not an element`);
    const definition: ElementDefinition = { name: nameClass(only(element)), content: table.notAllowed, index: all.length };
    definitions.set(define.attributes.name ?? '', definition);
    all.push(definition);
  });

  const pattern = (node: RngNode): Pattern => {
    const fold = (combine: (first: Pattern, second: Pattern) => Pattern): Pattern => elements(node).map(pattern).reduce(combine);
    switch (node.local) {
      case 'empty':
        return table.empty;
      case 'notAllowed':
        return table.notAllowed;
      case 'text':
        return table.text;
      case 'choice':
        return fold((first, second) => table.choice(first, second));
      case 'group':
        return fold((first, second) => table.group(first, second));
      case 'interleave':
        return fold((first, second) => table.interleave(first, second));
      case 'oneOrMore':
        return table.oneOrMore(pattern(only(node)));
      case 'list':
        return table.list(pattern(only(node)));
      case 'attribute':
        return table.attribute(nameClass(only(node, 0)), pattern(only(node, 1)));
      case 'ref': {
        const definition = definitions.get(node.attributes.name ?? '');
        if (!definition) throw new GrammarError(`the reference "${node.attributes.name}" has no define`);
        return table.element(definition);
      }
      case 'data': {
        const params = elements(node).filter((child) => child.local === 'param').map((param) => ({ name: param.attributes.name ?? '', value: textOf(param) }));
        const exception = elements(node).find((child) => child.local === 'except');
        return table.data(datatype(node.attributes.datatypeLibrary ?? '', node.attributes.type ?? 'token', params), exception ? elements(exception).map(pattern).reduce((first, second) => table.choice(first, second)) : undefined);
      }
      case 'value':
        return table.value(datatype(node.attributes.datatypeLibrary ?? '', node.attributes.type ?? 'token'), textOf(node));
      default:
        throw new GrammarError(`<${node.local}> is not supported here`);
    }
  };

  try {
    defines.forEach((define, index) => {
      all[index]!.content = pattern(only(only(define), 1));
    });
    const start = elements(root).find((child) => child.local === 'start');
    if (!start) throw new GrammarError('the simplified schema has no <start>');
    return { table, start: pattern(only(start)), elements: all };
  } catch (error) {
    if (error instanceof DatatypeError) throw new GrammarError(error.message);
    throw error;
  }
}

/** The attributes of the simplified schema that the patterns read. */
const KEPT_ATTRIBUTES = ['name', 'ns', 'type', 'datatypeLibrary'];

/** A tree of another library's shape (salve's simplified schema), as ours. */
export function toRngTree(node: { local: string; children: readonly unknown[]; getAttribute(name: string): string | undefined }): RngNode {
  const attributes: Record<string, string> = {};
  for (const name of KEPT_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value !== undefined) attributes[name] = value;
  }
  const children = node.children.flatMap((child): (RngNode | string)[] => {
    const value = child as { kind?: string; text?: string };
    if (value.kind === 'text') return value.text ? [value.text] : [];
    if (value.kind === 'element') return [toRngTree(child as Parameters<typeof toRngTree>[0])];
    return [];
  });
  return { local: node.local, attributes, children };
}

/** A pattern in the compiled form: its kind and operands (pattern numbers, name classes, datatypes). */
type StoredPattern =
  | ['empty' | 'notAllowed' | 'text']
  | ['choice' | 'group' | 'interleave', number, number]
  | ['oneOrMore' | 'list', number]
  | ['data', DatatypeSpec, number?]
  | ['value', DatatypeSpec, string]
  | ['attribute', NameClass, number]
  | ['element', number];

interface StoredGrammar {
  format: 1;
  patterns: StoredPattern[];
  /** Each definition's name class and content (a pattern number). */
  definitions: [NameClass, number][];
  start: number;
}

/** The grammar in its compiled form (JSON): patterns before the patterns made of them. */
export function storeGrammar(grammar: Grammar): string {
  const numbers = new Map<Pattern, number>();
  const patterns: StoredPattern[] = [];
  const store = (root: Pattern): number => {
    // Depth-first, operands first, without recursion (a schema's patterns nest deeply).
    const stack: { pattern: Pattern; expanded: boolean }[] = [{ pattern: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (numbers.has(top.pattern)) {
        stack.pop();
        continue;
      }
      const operands = operandsOf(top.pattern);
      if (!top.expanded) {
        top.expanded = true;
        for (const operand of operands) if (!numbers.has(operand)) stack.push({ pattern: operand, expanded: false });
        continue;
      }
      stack.pop();
      numbers.set(top.pattern, patterns.length);
      patterns.push(stored(top.pattern, (operand) => numbers.get(operand)!));
    }
    return numbers.get(root)!;
  };
  const definitions = grammar.elements.map((definition): [NameClass, number] => [definition.name, store(definition.content)]);
  const start = store(grammar.start);
  const compiled: StoredGrammar = { format: 1, patterns, definitions, start };
  return JSON.stringify(compiled);
}

function operandsOf(pattern: Pattern): Pattern[] {
  switch (pattern.kind) {
    case 'choice':
    case 'group':
    case 'interleave':
    case 'after':
      return [pattern.first, pattern.second];
    case 'oneOrMore':
    case 'list':
    case 'attribute':
      return [pattern.content];
    case 'data':
      return pattern.except ? [pattern.except] : [];
    default:
      return [];
  }
}

function stored(pattern: Pattern, number: (operand: Pattern) => number): StoredPattern {
  switch (pattern.kind) {
    case 'empty':
    case 'notAllowed':
    case 'text':
      return [pattern.kind];
    case 'choice':
    case 'group':
    case 'interleave':
      return [pattern.kind, number(pattern.first), number(pattern.second)];
    case 'oneOrMore':
    case 'list':
      return [pattern.kind, number(pattern.content)];
    case 'data':
      return pattern.except ? ['data', pattern.datatype.spec, number(pattern.except)] : ['data', pattern.datatype.spec];
    case 'value':
      return ['value', pattern.datatype.spec, pattern.value];
    case 'attribute':
      return ['attribute', pattern.name, number(pattern.content)];
    case 'element':
      return ['element', pattern.element.index];
    case 'after':
      throw new GrammarError('a schema does not hold after patterns');
  }
}

/** The grammar from its compiled form; a form this version did not write is an error. */
export function loadGrammar(text: string): Grammar {
  const compiled = JSON.parse(text) as StoredGrammar;
  if (compiled.format !== 1) throw new GrammarError('the compiled schema is of another format');
  const table = new PatternTable();
  const all: ElementDefinition[] = compiled.definitions.map(([name], index) => ({ name, content: table.notAllowed, index }));
  const patterns: Pattern[] = [];
  const at = (number: number): Pattern => {
    const pattern = patterns[number];
    if (!pattern) throw new GrammarError(`the compiled schema refers to pattern ${number} before it`);
    return pattern;
  };
  const made = (spec: DatatypeSpec) => datatype(spec.library, spec.type, spec.params);
  for (const entry of compiled.patterns) {
    switch (entry[0]) {
      case 'empty':
        patterns.push(table.empty);
        break;
      case 'notAllowed':
        patterns.push(table.notAllowed);
        break;
      case 'text':
        patterns.push(table.text);
        break;
      case 'choice':
        patterns.push(table.choice(at(entry[1]), at(entry[2])));
        break;
      case 'group':
        patterns.push(table.group(at(entry[1]), at(entry[2])));
        break;
      case 'interleave':
        patterns.push(table.interleave(at(entry[1]), at(entry[2])));
        break;
      case 'oneOrMore':
        patterns.push(table.oneOrMore(at(entry[1])));
        break;
      case 'list':
        patterns.push(table.list(at(entry[1])));
        break;
      case 'data':
        patterns.push(table.data(made(entry[1]), entry[2] === undefined ? undefined : at(entry[2])));
        break;
      case 'value':
        patterns.push(table.value(made(entry[1]), entry[2]));
        break;
      case 'attribute':
        patterns.push(table.attribute(entry[1], at(entry[2])));
        break;
      case 'element': {
        const definition = all[entry[1]];
        if (!definition) throw new GrammarError(`the compiled schema refers to definition ${entry[1]}, which it lacks`);
        patterns.push(table.element(definition));
        break;
      }
    }
  }
  compiled.definitions.forEach(([, content], index) => {
    all[index]!.content = at(content);
  });
  return { table, start: at(compiled.start), elements: all };
}
