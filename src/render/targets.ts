/** What the render stage can make; apart from the stage so that the CLI can list it without loading SaxonJS. */
export const RENDER_TARGETS = ['html', 'text', 'json'] as const;
export type RenderTarget = (typeof RENDER_TARGETS)[number];
export const TEXT_VIEWS = ['reading', 'diplomatic'] as const;
export type TextView = (typeof TEXT_VIEWS)[number];
