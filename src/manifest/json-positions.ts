/**
 * Offsets of every value in a JSON text, by JSON pointer, so that a schema error at
 * `/blocks/3/speaker` can be reported at its line and column. The text must already have
 * passed JSON.parse.
 */
const escapePointerToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

export function locateJsonPointers(text: string): Map<string, number> {
  const positions = new Map<string, number>();
  let index = 0;
  const skipSpace = (): void => {
    while (index < text.length && /\s/.test(text[index]!)) index++;
  };
  const readString = (): string => {
    const start = index;
    index++; // opening quote
    while (text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
    index++;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const readValue = (pointer: string): void => {
    skipSpace();
    positions.set(pointer, index);
    const char = text[index];
    if (char === '{') {
      index++;
      skipSpace();
      while (text[index] !== '}') {
        skipSpace();
        const key = readString();
        skipSpace();
        index++; // colon
        readValue(`${pointer}/${escapePointerToken(key)}`);
        skipSpace();
        if (text[index] === ',') index++;
        skipSpace();
      }
      index++;
    } else if (char === '[') {
      index++;
      skipSpace();
      for (let item = 0; text[index] !== ']'; item++) {
        readValue(`${pointer}/${item}`);
        skipSpace();
        if (text[index] === ',') index++;
        skipSpace();
      }
      index++;
    } else if (char === '"') {
      readString();
    } else {
      while (index < text.length && /[^\s,\]}]/.test(text[index]!)) index++;
    }
  };
  readValue('');
  return positions;
}
