/** Writing the build's own HTML (the catalogue, the corpus bar): text escaped, paths as links. */
import { relative } from 'node:path';

/**
 * Text (or an attribute value) as HTML: nothing in it can open markup or close the attribute.
 * The catalogue's script uses this same function in the browser (src/build/catalogue/page.ts),
 * so it uses nothing but its parameter.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) =>
    character === '&' ? '&amp;' : character === '<' ? '&lt;' : character === '>' ? '&gt;' : character === '"' ? '&quot;' : '&#39;',
  );
}

/** A link from one folder to a file: relative, "/"-separated, each segment percent-encoded. */
export const hrefFrom = (folder: string, file: string): string =>
  relative(folder, file).split(/[\\/]/).map(encodeURIComponent).join('/');
