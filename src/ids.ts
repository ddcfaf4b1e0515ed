/**
 * The xml:ids an edition gives to elements other than persons, in one place, so that person
 * ids (derived from names or given in the manifest) never collide with them.
 */
export const EDITION_IDS = {
  translator: 'translator',
  editor: 'editor',
  handInsertions: 'hand-insertions',
  original: 'original',
  onlineRecord: 'online-record',
  abstract: 'abstract',
  unlistedSpeakers: 'unlisted-speakers',
  mentioned: 'mentioned',
} as const;

export const paragraphId = (n: number): string => `p${n}`;
export const speechId = (n: number): string => `sp${n}`;
export const groupId = (n: number): string => `group-${n}`;
/** A note listed at the end of the source, by its number there. */
export const footnoteId = (n: string): string => `fn-${n}`;

const NUMBERED_ID = /^(?:p|sp|group-|fn-)\d+$/;
const FIXED_IDS: ReadonlySet<string> = new Set(Object.values(EDITION_IDS));

export const isReservedId = (id: string): boolean => NUMBERED_ID.test(id) || FIXED_IDS.has(id);
