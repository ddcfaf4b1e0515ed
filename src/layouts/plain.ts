import type { SourceLayout } from './types.js';

/**
 * The fallback for a layout teikit does not know: the first block is taken as the title, the
 * rest as the document; nothing is dropped, and a warning says so.
 */
export const plainText: SourceLayout = {
  name: 'plain',
  description: 'Any text: first block as title, every other block as the document',
  headerDecl: 'The layout of the source was not recognised: its first block is read as the title, and no other fact of the header comes from the source.',
  detect: () => true,
  read(blocks, file) {
    file.report({
      source: 'teikit:layout',
      severity: 'warning',
      ruleId: 'layout/unknown',
      reason: 'The source layout was not recognised; it is converted as plain text (first block as title, no metadata section).',
      note: 'Check the header of the TEI and add what is missing to edition.json.',
    });
    const [title, ...content] = blocks;
    return {
      layout: this.name,
      headerDecl: this.headerDecl,
      pageArtefacts: [],
      ...(title ? { title } : {}),
      content,
      header: { fields: [] },
      front: [],
      footnotes: [],
    };
  },
};
