/** The persons of an edition: attendance groups, manifest persons, speakers found on the way, one name index. */
import { EDITION_IDS, isReservedId } from '../ids.js';
import { reportManifestError, type LoadedManifest, type ManifestPerson } from '../manifest/index.js';
import { displayName, editDistance, personId, PersonIndex, withoutTitles } from '../conventions/persons.js';
import type { Person, PersonGroup } from '../model.js';

/** Persons of the edition: attendance groups plus everyone else, with one name index. */
export class PersonRegistry {
  readonly groups: PersonGroup[];
  readonly others: Person[] = [];
  readonly speaking = new Set<string>();
  readonly #ids = new Set<string>();
  #index: PersonIndex | undefined;
  #labelIndex: PersonIndex | undefined;
  #participantIndex: PersonIndex | undefined;

  constructor(groups: PersonGroup[], ids: Set<string>) {
    this.groups = groups;
    for (const id of ids) this.#ids.add(id);
  }

  get all(): Person[] {
    return [...this.groups.flatMap((group) => group.persons), ...this.others];
  }

  get index(): PersonIndex {
    this.#index ??= new PersonIndex(this.all);
    return this.#index;
  }

  /** Names, aliases and label-only forms ("G" of a legend): for reading speaker labels. */
  get labelIndex(): PersonIndex {
    this.#labelIndex ??= new PersonIndex(this.all, { labels: true });
    return this.#labelIndex;
  }

  /** A legend entry: `label` names the person written `target` (found, or added). */
  addLabel(label: string, target: string): void {
    const person =
      this.all.find((candidate) => candidate.name === target || candidate.aliases.includes(target)) ??
      this.addSpeaker(target);
    person.labels = [...new Set([...(person.labels ?? []), label])];
    this.#labelIndex = undefined;
  }

  /** Persons who take part in the meeting: the attendance list and whoever has spoken so far. */
  get participantIndex(): PersonIndex {
    this.#participantIndex ??= new PersonIndex(this.all.filter((person) => this.isAttendee(person) || this.speaking.has(person.id)));
    return this.#participantIndex;
  }

  markSpeaking(id: string): void {
    if (this.speaking.has(id)) return;
    this.speaking.add(id);
    this.#participantIndex = undefined;
  }

  byId(id: string): Person | undefined {
    return this.all.find((person) => person.id === id);
  }

  isAttendee(person: Person): boolean {
    return this.groups.some((group) => group.persons.includes(person));
  }

  /** Merge what the manifest says into the persons found; unknown ones are added. */
  applyManifest(persons: readonly ManifestPerson[], loaded: LoadedManifest): void {
    // Persons by id and by every form of their names, kept up to date as entries apply: one
    // lookup per form, not a scan of all persons per entry (20,000 persons took 24 s).
    const byId = new Map<string, Person>();
    const byForm = new Map<string, Person>();
    const index = (person: Person): void => {
      byId.set(person.id, person);
      for (const form of [person.name, ...person.aliases]) if (!byForm.has(form)) byForm.set(form, person);
    };
    for (const person of this.all) index(person);
    /** Manifest entry (position) that declared each person so far. */
    const declaredBy = new Map<Person, number>();
    persons.forEach((entry, position) => {
      const forms = [entry.name, ...(entry.aliases ?? []), ...(entry.variants ?? [])];
      // The name says who the person is; an id that names someone else is then a conflict (below).
      const found = forms.map((form) => byForm.get(form)).find((person) => person !== undefined) ?? byId.get(entry.id);
      if (isReservedId(entry.id) || (found?.id !== entry.id && this.#ids.has(entry.id))) {
        reportManifestError(
          loaded,
          `/persons/${position}/id`,
          `The id "${entry.id}" is already used ${isReservedId(entry.id) ? 'by the edition itself' : 'by another person'}.`,
          'Choose another id for this person.',
        );
        return;
      }
      const earlier = found ? declaredBy.get(found) : undefined;
      if (found && earlier !== undefined && found.id !== entry.id) {
        // Two entries naming one form: the second would silently take over the first person.
        const shared = forms.find((form) => form === found.name || found.aliases.includes(form)) ?? entry.name;
        reportManifestError(
          loaded,
          `/persons/${position}/name`,
          `"${shared}" already names the person "${found.id}" (persons entry ${earlier + 1}); one form of a name can name one person only.`,
          'Merge the two entries, or give each person forms of the name of its own.',
        );
        return;
      }
      const person: Person = found ?? { id: entry.id, name: entry.name, aliases: [], variants: [], origin: 'manifest' };
      if (found) {
        this.#ids.delete(found.id);
        byId.delete(found.id);
        if (found.name !== entry.name) person.aliases.push(found.name);
      } else {
        this.others.push(person);
      }
      person.id = entry.id;
      person.name = entry.name;
      person.aliases = [...new Set([...person.aliases, ...(entry.aliases ?? [])])].filter((alias) => alias !== entry.name);
      person.variants = [...new Set([...person.variants, ...(entry.variants ?? [])])];
      if (entry.role) person.role = entry.role;
      this.#ids.add(entry.id);
      declaredBy.set(person, position);
      index(person);
    });
    this.#index = undefined;
    this.#labelIndex = undefined;
    this.#participantIndex = undefined;
  }

  /**
   * A speaker label that names a known person in another form: with a title or rank
   * ("Gen. Marshall" for Marshall: kept as an alias), or one letter off a name of six letters or
   * more ("Chenault" for Chennault: kept as a spelling variant, which the caller reports).
   */
  resolveVariant(writtenName: string): { person: Person; how: 'title' | 'spelling' } | undefined {
    const name = displayName(writtenName);
    const bare = withoutTitles(name);
    const forms = (person: Person): string[] => [person.name, ...person.aliases];
    const titled = bare !== name ? this.all.find((person) => forms(person).includes(bare)) : undefined;
    if (titled) {
      titled.aliases = [...new Set([...titled.aliases, name])];
      this.#forget();
      return { person: titled, how: 'title' };
    }
    const key = bare.toLowerCase();
    if (key.length < 6) return undefined;
    const close = this.all.filter((person) => forms(person).some((form) => editDistance(form.toLowerCase(), key) === 1));
    if (close.length !== 1 || !close[0]) return undefined;
    close[0].variants = [...new Set([...close[0].variants, bare])];
    this.#forget();
    return { person: close[0], how: 'spelling' };
  }

  /** The name indexes are built again on next use. */
  #forget(): void {
    this.#index = undefined;
    this.#labelIndex = undefined;
    this.#participantIndex = undefined;
  }

  /** A speaker whose label names nobody known yet. */
  addSpeaker(writtenName: string): Person {
    const name = displayName(writtenName);
    const existing = this.others.find((person) => person.name === name);
    if (existing) return existing;
    const person: Person = { id: personId(name, this.#ids), name, aliases: [], variants: [], origin: 'speaker' };
    this.#ids.add(person.id);
    this.others.push(person);
    this.#index = undefined;
    this.#labelIndex = undefined;
    return person;
  }

  finalGroups(): PersonGroup[] {
    const unlisted = this.others.filter((person) => this.speaking.has(person.id));
    const mentioned = this.others.filter((person) => !this.speaking.has(person.id));
    return [
      ...this.groups,
      ...(unlisted.length ? [{ id: EDITION_IDS.unlistedSpeakers, type: 'unlisted-speakers' as const, persons: unlisted }] : []),
      ...(mentioned.length ? [{ id: EDITION_IDS.mentioned, type: 'mentioned' as const, persons: mentioned }] : []),
    ];
  }
}
