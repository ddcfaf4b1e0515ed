/** Writing the build's own HTML (the catalogue, the corpus bar): text escaped, paths as links. */
import { relative } from 'node:path';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) as HTML: nothing in it can open markup or close the attribute. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);

/** A link from one folder to a file: relative, "/"-separated, each segment percent-encoded. */
export const hrefFrom = (folder: string, file: string): string =>
  relative(folder, file).split(/[\\/]/).map(encodeURIComponent).join('/');
