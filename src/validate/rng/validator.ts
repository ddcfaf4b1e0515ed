/**
 * A document against a compiled RELAX NG grammar, by derivatives: the pattern that the rest of
 * the document must match is worked out event by event (start tag, attribute, end of the start
 * tag, text, end tag), each derivative memoized on its pattern, so a schema's common paths are
 * computed once per process and then only looked up. Errors are found where the derivative is
 * notAllowed; the validator then reports the error at that element, attribute or text, recovers
 * (an unknown element is checked against its own definition, if the schema has one, and skipped;
 * a bad attribute is dropped; a missing part is taken as given) and goes on, so every error of a
 * document is reported in one pass.
 */
import { listedNames, nameMatches, specificity, type ElementDefinition, type NameClass, type Pattern, type PatternTable } from './patterns.js';

/** A compiled grammar: its pattern table, start pattern and element definitions. */
export interface Grammar {
  table: PatternTable;
  start: Pattern;
  elements: readonly ElementDefinition[];
}

export type SchemaErrorKind = 'element-not-allowed' | 'element-not-allowed-yet' | 'element-missing' | 'attribute-not-allowed' | 'attribute-missing' | 'attribute-value' | 'text-not-allowed' | 'text-value';

/** A group's two members, in order. */
type Members = { first: Pattern; second: Pattern };

export interface SchemaProblem {
  kind: SchemaErrorKind;
  /** Offset in the document of the element, attribute or text the problem is at. */
  offset: number;
  /** The element's or attribute's name, or the text. */
  subject: { uri: string; local: string } | string;
  /** Names the schema would have accepted there (elements or attributes). */
  expected: { uri: string; local: string }[];
  /** Whether any name would have done (a wildcard). */
  anyExpected: boolean;
}

/** What the validator reads: an element with its attributes and children (src/xml/parse.ts's tree). */
export interface ValidatedElement {
  kind: 'element';
  uri: string;
  local: string;
  offset: number;
  attributes: readonly { uri: string; local: string; value: string; offset: number }[];
  children: readonly (ValidatedElement | { kind: 'text'; value: string; offset: number })[];
  /** Stands for an element validated as a document of its own (an XInclude's target): only its place is checked here. */
  external?: boolean;
}

const isBlank = (text: string): boolean => /^[ \t\n\r]*$/.test(text);

/** Texts up to this long have their derivative remembered on a text-sensitive pattern, up to this many per pattern. */
const TEXT_MEMO_LENGTH = 32;
const TEXT_MEMO_ENTRIES = 256;

export class Validator {
  private readonly table: PatternTable;
  /** Element content by name, for checking an element that stands where it is not allowed. */
  private readonly contentByName = new Map<string, Pattern>();
  private problems: SchemaProblem[] = [];

  constructor(private readonly grammar: Grammar) {
    this.table = grammar.table;
  }

  /** Validate a document's root element; the problems in document order. */
  validate(root: ValidatedElement): SchemaProblem[] {
    this.problems = [];
    const after = this.element(this.grammar.start, root);
    if (!after.nullable && after.kind !== 'notAllowed') this.missing(after, root.offset);
    return this.problems;
  }

  // ---- derivatives (Clark 2002, section 4) ----

  private applyAfter(pattern: Pattern, wrap: (rest: Pattern) => Pattern): Pattern {
    switch (pattern.kind) {
      case 'after':
        return this.table.after(pattern.first, wrap(pattern.second));
      case 'choice':
        return this.table.choice(this.applyAfter(pattern.first, wrap), this.applyAfter(pattern.second, wrap));
      default:
        return this.table.notAllowed;
    }
  }

  /**
   * `recover`: a group's required first member may be skipped (it is reported missing), so that
   * an element that comes too early is matched where it would be allowed (jing's recovery).
   */
  private startTagOpen(pattern: Pattern, uri: string, local: string, recover = false): Pattern {
    // By namespace, then local name: no key string is built for each look-up.
    const byNamespace = recover ? (pattern.memo.recover ??= new Map()) : (pattern.memo.start ??= new Map());
    let memo = byNamespace.get(uri);
    if (!memo) byNamespace.set(uri, (memo = new Map()));
    let derived = memo.get(local);
    if (derived === undefined) {
      derived = this.computeStartTagOpen(pattern, uri, local, recover);
      memo.set(local, derived);
    }
    return derived;
  }

  private computeStartTagOpen(pattern: Pattern, uri: string, local: string, recover: boolean): Pattern {
    const table = this.table;
    const derive = (inner: Pattern): Pattern => this.startTagOpen(inner, uri, local, recover);
    return this.opening(
      pattern,
      derive,
      (leaf) => (leaf.kind === 'element' && nameMatches(leaf.name, uri, local) ? table.after(leaf.element.content, table.empty) : table.notAllowed),
      // In order: the second member opens only where the first may be left out (or is taken as missing).
      ({ first, second }) => {
        const derived = this.applyAfter(derive(first), (rest) => table.group(rest, second));
        return first.nullable || recover ? table.choice(derived, derive(second)) : derived;
      },
    );
  }

  /**
   * The derivative of an event that opens something (a start tag, an attribute's name), taken
   * through the pattern's structure down to the leaves it may open (`leaf`); what is to follow
   * the opened part is kept as the second of an after pattern. Groups differ: elements come in
   * order, attributes in any (`group`).
   */
  private opening(pattern: Pattern, derive: (inner: Pattern) => Pattern, leaf: (pattern: Pattern) => Pattern, group: (members: Members) => Pattern): Pattern {
    const table = this.table;
    switch (pattern.kind) {
      case 'choice':
        return table.choice(derive(pattern.first), derive(pattern.second));
      case 'interleave': {
        const { first, second } = pattern;
        return table.choice(
          this.applyAfter(derive(first), (rest) => table.interleave(rest, second)),
          this.applyAfter(derive(second), (rest) => table.interleave(first, rest)),
        );
      }
      case 'oneOrMore': {
        const repeat = table.choice(pattern, table.empty);
        return this.applyAfter(derive(pattern.content), (rest) => table.group(rest, repeat));
      }
      case 'group':
        return group(pattern);
      case 'after': {
        const { second } = pattern;
        return this.applyAfter(derive(pattern.first), (rest) => table.after(rest, second));
      }
      default:
        return leaf(pattern);
    }
  }

  /**
   * An attribute in two steps, as jing does: its name opens the pattern of its value before the
   * rest (memoized by name: the same for every value), then the value closes it (not memoized:
   * values vary, but only the few value patterns the name opened are looked at).
   */
  private attributeName(pattern: Pattern, uri: string, local: string): Pattern {
    const key = `${uri}\0${local}`;
    const memo = (pattern.memo.attribute ??= new Map());
    let derived = memo.get(key);
    if (derived === undefined) {
      derived = this.computeAttributeName(pattern, uri, local);
      memo.set(key, derived);
    }
    return derived;
  }

  private computeAttributeName(pattern: Pattern, uri: string, local: string): Pattern {
    const table = this.table;
    const derive = (inner: Pattern): Pattern => this.attributeName(inner, uri, local);
    return this.opening(
      pattern,
      derive,
      (leaf) => (leaf.kind === 'attribute' && nameMatches(leaf.name, uri, local) ? table.after(leaf.content, table.empty) : table.notAllowed),
      // Attributes have no order: either member may hold it.
      ({ first, second }) => table.choice(
        this.applyAfter(derive(first), (rest) => table.group(rest, second)),
        this.applyAfter(derive(second), (rest) => table.group(first, rest)),
      ),
    );
  }

  /** The attribute's value against the value patterns its name opened: what follows where it matches. */
  private attributeValue(pattern: Pattern, value: string): Pattern {
    if (pattern.kind === 'choice') return this.table.choice(this.attributeValue(pattern.first, value), this.attributeValue(pattern.second, value));
    if (pattern.kind === 'after') return this.valueMatches(pattern.first, value) ? pattern.second : this.table.notAllowed;
    return this.table.notAllowed;
  }

  private valueMatches(pattern: Pattern, value: string): boolean {
    return (pattern.nullable && isBlank(value)) || this.text(pattern, value).nullable;
  }

  /** `lenient`: attributes still wanted are taken as given (recovery from a missing one). */
  private startTagClose(pattern: Pattern, lenient = false): Pattern {
    if (!lenient && pattern.memo.close) return pattern.memo.close;
    const table = this.table;
    const close = (inner: Pattern): Pattern => this.startTagClose(inner, lenient);
    let derived: Pattern;
    switch (pattern.kind) {
      case 'after':
        derived = table.after(close(pattern.first), pattern.second);
        break;
      case 'choice':
        derived = table.choice(close(pattern.first), close(pattern.second));
        break;
      case 'group':
        derived = table.group(close(pattern.first), close(pattern.second));
        break;
      case 'interleave':
        derived = table.interleave(close(pattern.first), close(pattern.second));
        break;
      case 'oneOrMore':
        derived = table.oneOrMore(close(pattern.content));
        break;
      case 'attribute':
        derived = lenient ? table.empty : table.notAllowed;
        break;
      default:
        derived = pattern;
    }
    if (!lenient) pattern.memo.close = derived;
    return derived;
  }

  private text(pattern: Pattern, text: string): Pattern {
    if (!pattern.textSensitive) return (pattern.memo.text ??= this.computeText(pattern, text));
    // Short values recur (numbers, languages, pointers): remembered, a few per pattern.
    if (text.length > TEXT_MEMO_LENGTH) return this.computeText(pattern, text);
    const memo = (pattern.memo.values ??= new Map());
    let derived = memo.get(text);
    if (derived === undefined) {
      derived = this.computeText(pattern, text);
      if (memo.size < TEXT_MEMO_ENTRIES) memo.set(text, derived);
    }
    return derived;
  }

  private computeText(pattern: Pattern, text: string): Pattern {
    const table = this.table;
    switch (pattern.kind) {
      case 'choice':
        return table.choice(this.text(pattern.first, text), this.text(pattern.second, text));
      case 'interleave':
        return table.choice(table.interleave(this.text(pattern.first, text), pattern.second), table.interleave(pattern.first, this.text(pattern.second, text)));
      case 'group': {
        const derived = table.group(this.text(pattern.first, text), pattern.second);
        return pattern.first.nullable ? table.choice(derived, this.text(pattern.second, text)) : derived;
      }
      case 'after':
        return table.after(this.text(pattern.first, text), pattern.second);
      case 'oneOrMore':
        return table.group(this.text(pattern.content, text), table.choice(pattern, table.empty));
      case 'text':
        return pattern;
      case 'value':
        return pattern.datatype.allows(text) && pattern.datatype.normalize(text) === pattern.datatype.normalize(pattern.value) ? table.empty : table.notAllowed;
      case 'data':
        return pattern.datatype.allows(text) && !(pattern.except && this.text(pattern.except, text).nullable) ? table.empty : table.notAllowed;
      case 'list': {
        let rest = pattern.content;
        for (const token of text.split(/[ \t\n\r]+/)) {
          if (token === '') continue;
          rest = this.text(rest, token);
          if (rest.kind === 'notAllowed') break;
        }
        return rest.nullable ? table.empty : table.notAllowed;
      }
      default:
        return table.notAllowed;
    }
  }

  /** What an element's content may end on when it has no text (or only whitespace) there. */
  private blank(pattern: Pattern): Pattern {
    return (pattern.memo.blank ??= this.table.choice(pattern, this.text(pattern, '')));
  }

  private endTag(pattern: Pattern): Pattern {
    if (pattern.memo.end) return pattern.memo.end;
    let derived: Pattern;
    if (pattern.kind === 'choice') derived = this.table.choice(this.endTag(pattern.first), this.endTag(pattern.second));
    else if (pattern.kind === 'after') derived = pattern.first.nullable ? pattern.second : this.table.notAllowed;
    else derived = this.table.notAllowed;
    pattern.memo.end = derived;
    return derived;
  }

  /** Recovery from an incomplete element: what follows it, as if its content were complete. */
  private forceEnd(pattern: Pattern): Pattern {
    if (pattern.kind === 'choice') return this.table.choice(this.forceEnd(pattern.first), this.forceEnd(pattern.second));
    if (pattern.kind === 'after') return pattern.second;
    return this.table.notAllowed;
  }

  // ---- the document ----

  private element(pattern: Pattern, element: ValidatedElement): Pattern {
    let opened = this.startTagOpen(pattern, element.uri, element.local);
    if (opened.kind === 'notAllowed') {
      const expected = this.expectedElements(pattern);
      // Too early: required content before it is missing; go on as if it were there.
      opened = this.startTagOpen(pattern, element.uri, element.local, true);
      if (opened.kind !== 'notAllowed') {
        this.report('element-not-allowed-yet', element.offset, { uri: element.uri, local: element.local }, expected);
      } else {
        // Out of place: checked against its own definition where the schema has one; the parent goes on.
        this.report('element-not-allowed', element.offset, { uri: element.uri, local: element.local }, expected);
        const content = this.contentOf(element.uri, element.local);
        if (content.kind === 'notAllowed') {
          this.unknown(element);
          return pattern;
        }
        opened = this.table.after(content, pattern);
      }
    }
    return this.inside(opened, element, pattern);
  }

  /** An element's attributes, content and end, from the pattern its start tag opened; what follows it. */
  private inside(opened: Pattern, element: ValidatedElement, before: Pattern): Pattern {
    if (element.external) {
      const after = this.forceEnd(opened);
      return after.kind === 'notAllowed' ? before : after;
    }
    let current = opened;
    for (const attribute of element.attributes) {
      const named = this.attributeName(current, attribute.uri, attribute.local);
      if (named.kind === 'notAllowed') {
        this.report('attribute-not-allowed', attribute.offset, { uri: attribute.uri, local: attribute.local }, this.expectedAttributes(current));
        continue;
      }
      const valued = this.attributeValue(named, attribute.value);
      if (valued.kind !== 'notAllowed') {
        current = valued;
        continue;
      }
      // A bad value: reported, and the attribute taken as if its value were right.
      this.report('attribute-value', attribute.offset, { uri: attribute.uri, local: attribute.local }, []);
      current = this.forceEnd(named);
    }
    let content = this.startTagClose(current);
    if (content.kind === 'notAllowed') {
      this.report('attribute-missing', element.offset, { uri: element.uri, local: element.local }, this.requiredAttributes(current));
      content = this.startTagClose(current, true);
    }
    content = this.children(content, element);
    const closed = this.endTag(content);
    if (closed.kind !== 'notAllowed') return closed;
    this.missing(content, element.offset, element);
    const recovered = this.forceEnd(content);
    return recovered.kind === 'notAllowed' ? before : recovered;
  }

  private children(pattern: Pattern, element: ValidatedElement): Pattern {
    const hasElements = element.children.some((child) => child.kind === 'element');
    let current = pattern;
    let text = '';
    let textOffset = element.offset;
    let sawText = false;
    const flush = (): void => {
      if (text === '') return;
      sawText = true;
      if (isBlank(text)) {
        // Whitespace between elements is not content; alone, it may be an empty value.
        if (!hasElements) current = this.blank(current);
      } else {
        const derived = this.text(current, text);
        if (derived.kind === 'notAllowed') this.report(this.takesData(current) ? 'text-value' : 'text-not-allowed', textOffset, text, this.expectedElements(current));
        else current = derived;
      }
      text = '';
    };
    for (const child of element.children) {
      if (child.kind === 'text') {
        if (text === '') textOffset = child.offset;
        text += child.value;
        continue;
      }
      flush();
      current = this.element(current, child);
    }
    flush();
    if (!sawText && !hasElements) current = this.blank(current);
    return current;
  }

  // ---- what the schema wanted, for the messages ----

  private report(kind: SchemaErrorKind, offset: number, subject: SchemaProblem['subject'], expected: { names: { uri: string; local: string }[]; any: boolean } | { uri: string; local: string }[]): void {
    const { names, any } = Array.isArray(expected) ? { names: expected, any: false } : expected;
    this.problems.push({ kind, offset, subject, expected: names, anyExpected: any });
  }

  private missing(pattern: Pattern, offset: number, element?: ValidatedElement): void {
    this.report('element-missing', offset, element ? { uri: element.uri, local: element.local } : '', this.expectedElements(pattern));
  }

  /** Names of the elements that may come next (the first set of the pattern). */
  private expectedElements(pattern: Pattern): { names: { uri: string; local: string }[]; any: boolean } {
    const classes: NameClass[] = [];
    const seen = new Set<number>();
    const visit = (inner: Pattern): void => {
      if (seen.has(inner.id)) return;
      seen.add(inner.id);
      switch (inner.kind) {
        case 'element':
          classes.push(inner.name);
          break;
        case 'choice':
        case 'interleave':
          visit(inner.first);
          visit(inner.second);
          break;
        case 'group':
          visit(inner.first);
          if (inner.first.nullable) visit(inner.second);
          break;
        case 'after':
          visit(inner.first);
          break;
        case 'oneOrMore':
          visit(inner.content);
          break;
        default:
      }
    };
    visit(pattern);
    return { names: classes.flatMap(listedNames), any: classes.some((nameClass) => nameClass.kind !== 'name' && nameClass.kind !== 'choice') };
  }

  private attributeClasses(pattern: Pattern, requiredOnly: boolean): NameClass[] {
    switch (pattern.kind) {
      case 'attribute':
        return [pattern.name];
      case 'group':
      case 'interleave':
        return [...this.attributeClasses(pattern.first, requiredOnly), ...this.attributeClasses(pattern.second, requiredOnly)];
      case 'choice':
        // A choice requires an attribute only where neither side can do without one.
        if (requiredOnly && (this.startTagClose(pattern.first).kind !== 'notAllowed' || this.startTagClose(pattern.second).kind !== 'notAllowed')) return [];
        return [...this.attributeClasses(pattern.first, requiredOnly), ...this.attributeClasses(pattern.second, requiredOnly)];
      case 'oneOrMore':
        return this.attributeClasses(pattern.content, requiredOnly);
      case 'after':
        return this.attributeClasses(pattern.first, requiredOnly);
      default:
        return [];
    }
  }

  private expectedAttributes(pattern: Pattern): { names: { uri: string; local: string }[]; any: boolean } {
    const classes = this.attributeClasses(pattern, false);
    return { names: classes.flatMap(listedNames), any: classes.some((nameClass) => nameClass.kind !== 'name' && nameClass.kind !== 'choice') };
  }

  private requiredAttributes(pattern: Pattern): { uri: string; local: string }[] {
    return this.attributeClasses(pattern, true).flatMap(listedNames);
  }

  /** Whether text would be a value here (data, a value, a list): a rejected text is then a bad value. */
  private takesData(pattern: Pattern): boolean {
    return pattern.textSensitive;
  }

  /**
   * The content an element of this name has in the schema, wherever it is defined (jing's
   * findElement): the definitions that name it most closely, as a choice; notAllowed if none.
   */
  private contentOf(uri: string, local: string): Pattern {
    const key = `${uri}\0${local}`;
    let content = this.contentByName.get(key);
    if (content === undefined) {
      let best = -1;
      content = this.table.notAllowed;
      for (const definition of this.grammar.elements) {
        const closeness = specificity(definition.name, uri, local);
        if (closeness < 0 || closeness < best) continue;
        content = closeness > best ? definition.content : this.table.choice(content, definition.content);
        best = closeness;
      }
      this.contentByName.set(key, content);
    }
    return content;
  }

  /**
   * Inside an element the schema has nowhere: an element the schema knows is out of place there
   * (reported, and checked by its own definition); an unknown one inside it adds nothing new
   * (its children are looked at the same way); its text is not looked at. As jing does.
   */
  private unknown(element: ValidatedElement): void {
    for (const child of element.children) {
      if (child.kind !== 'element') continue;
      const content = this.contentOf(child.uri, child.local);
      if (content.kind === 'notAllowed') {
        this.unknown(child);
        continue;
      }
      this.report('element-not-allowed', child.offset, { uri: child.uri, local: child.local }, { names: [], any: false });
      this.inside(this.table.after(content, this.table.empty), child, this.table.empty);
    }
  }
}
