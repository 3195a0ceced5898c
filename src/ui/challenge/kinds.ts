/** A challenge's kind in restaurant words, with the real term (the lexicon's kind headings). */
import { kindTerms, type Term } from '../vocabulary.ts';

const byKind: Record<string, Term> = {
  tables: kindTerms.connection,
  staff: kindTerms.thread,
  ingredients: kindTerms.fd,
  stations: kindTerms.memory,
  shelf: kindTerms.cache,
  manager: kindTerms.manager,
};

/** The Term of a challenge kind; an unknown kind shows as itself. */
export function kindTerm(kind: string): Term {
  return byKind[kind] ?? { label: kind, real: kind };
}
