/**
 * A simplified RELAX NG schema (RELAX NG 1.0, section 4: one grammar, a start, and one define per
 * element) made into patterns. The simplified schema is a small tree of RELAX NG elements; it is
 * what the schema cache holds, so that a cached schema is read without simplifying it again.
 */
import { datatype, DatatypeError } from './datatypes.js';
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
