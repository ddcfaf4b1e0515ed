// Adversarial sources for the converter: long runs of each kind of character and token that its
// regular expressions read (spaces, form feeds, dots, brackets, capitals, labels, page markers),
// in the places where those expressions run (a block of its own, a label's speech, the first
// line, a participant list, a translator's bracket). A pattern with overlapping quantifiers
// backtracks on such a run followed by a character that makes the match fail, so each run ends
// in one.
// Used by test/adversarial.test.ts (small sizes: does every conversion end, and keep every word)
// and bench/security.mjs (large sizes, timed).

/** Strings repeated into runs. */
export const ATOMS = [
  ' ', '\t', '\n', '\f', '\n\n', '\f\n', '\u00a0', '.', '. ', '. . ', '…', ':', ': ', ',', ', ', '-', '—', '"', '“', '(', ')',
  '[', ']', '[[', '[]', '[Page 1]', '[Page 1] ', '[Page 1]\n', '[SIC]', '[sic, ', '[inserted by hand: ',
  'A', 'AB ', 'A ', 'A. ', 'a', 'a ', '1', '1. ', '12:', 'Mr. ', 'Cde. ', 'Gen. ', 'Maj. Gen. ', 'Q. ', 'A: ', 'Smith: ', 'Mr. Smith ',
  'Dear ', 'Sir: ', 'Digital Archive ', 'Record ID ', 'Participants: ', 'Top Secret ', 'Approved for Release: ', '* ', '#',
];

/** Where a run is put: the whole source around it. */
export const PLACES = {
  block: (run) => `A Memorandum\n\n${run}x\n`,
  speech: (run) => `A Record\n\nMr. Smith: ${run}x\n\nMr. Jones: Yes.\n`,
  firstLine: (run) => `${run}x\n\nThe text.\n`,
  attendance: (run) => `Minutes\n\nPresent: ${run}x\n\nMr. Smith: Yes.\n`,
  bracket: (run) => `A Memorandum\n\nWe [${run}x] go.\n`,
};

/** Every atom in every place, each run about `size` characters long. */
export function adversarialSources(size) {
  const sources = [];
  for (const atom of ATOMS) {
    const run = atom.repeat(Math.max(1, Math.ceil(size / atom.length)));
    for (const [place, make] of Object.entries(PLACES)) sources.push({ name: `${JSON.stringify(atom)} × ${run.length / atom.length} in ${place}`, text: make(run) });
  }
  return sources;
}
