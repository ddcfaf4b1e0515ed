/**
 * Reading a manifest's JSON with places: the offset of every value by JSON pointer, so that a
 * schema error at `/blocks/3/speaker` is reported at its line and column, and the offset of a
 * syntax error (JSON.parse names a position for some errors only, and quotes the whole text for
 * others). Iterative, so that deep nesting cannot exhaust the stack.
 */
const escapePointerToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** A JSON syntax error at an offset of the text. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

interface Container {
  kind: 'object' | 'array';
  pointer: string;
  /** Members read so far. */
  count: number;
}

/** Offsets of every value by JSON pointer; throws JsonSyntaxError where the text is not JSON. */
export function locateJsonPointers(text: string): Map<string, number> {
  const positions = new Map<string, number>();
  const stack: Container[] = [];
  let index = 0;
  const fail: (message: string, at?: number) => never = (message, at = index) => {
    throw new JsonSyntaxError(at, at >= text.length ? `${message}, but the file ends here` : message);
  };
  const skipSpace = (): void => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index++;
  };
  const readString = (): string => {
    const start = index;
    index++; // opening quote
    for (;;) {
      const char = text[index];
      if (char === undefined) fail('A string is not closed (a missing ")');
      if (char === '"') break;
      if (char === '\\') {
        ESCAPE.lastIndex = index;
        if (!ESCAPE.test(text)) fail('A backslash in a string starts no valid escape (\\", \\\\, \\n, \\uXXXX, …)');
        index = ESCAPE.lastIndex;
      } else if (char < ' ') {
        fail('A control character (a line break, a tab) stands unescaped in a string');
      } else {
        index++;
      }
    }
    index++;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const sticky = (pattern: RegExp): boolean => {
    pattern.lastIndex = index;
    if (!pattern.test(text)) return false;
    index = pattern.lastIndex;
    return true;
  };
  /** A value starts here: a scalar is read whole, a container is opened. */
  const startValue = (pointer: string): void => {
    skipSpace();
    positions.set(pointer, index);
    const char = text[index];
    if (char === '{' || char === '[') {
      stack.push({ kind: char === '{' ? 'object' : 'array', pointer, count: 0 });
      index++;
    } else if (char === '"') {
      readString();
    } else if (!sticky(NUMBER) && !sticky(LITERAL)) {
      fail(char === undefined ? 'A value is expected' : `A value is expected, not ${JSON.stringify(char)} (strings are in double quotes)`);
    }
  };
  startValue('');
  while (stack.length > 0) {
    const container = stack.at(-1)!;
    // Where a missing comma belongs: right after the value before it.
    const afterValue = index;
    skipSpace();
    const close = container.kind === 'object' ? '}' : ']';
    if (text[index] === close && container.count === 0) {
      index++;
      stack.pop();
      continue;
    }
    if (container.count > 0) {
      if (text[index] === close) {
        index++;
        stack.pop();
        continue;
      }
      if (text[index] !== ',') fail(`A comma or "${close}" is expected after ${container.kind === 'object' ? 'a property' : 'an array item'}`, index >= text.length ? index : afterValue);
      index++;
      skipSpace();
      if (text[index] === close) fail(`A comma stands before "${close}" (JSON allows none after the last ${container.kind === 'object' ? 'property' : 'item'})`);
    }
    const item = container.count++;
    if (container.kind === 'array') {
      startValue(`${container.pointer}/${item}`);
      continue;
    }
    if (text[index] !== '"') fail('A property name in double quotes is expected');
    const key = readString();
    skipSpace();
    if (text[index] !== ':') fail('A colon is expected after the property name');
    index++;
    startValue(`${container.pointer}/${escapePointerToken(key)}`);
  }
  skipSpace();
  if (index < text.length) fail('The JSON value ends before this text');
  return positions;
}
