/**
 * Moving through the course: which lesson a route names, and where Back and Next go from a step (across
 * lesson boundaries: Next on a lesson's last step opens the next lesson; on the course's last, the contents).
 * Pure.
 *
 * @example
 * stepNeighbours(lessons, 'hoarding', 6).next // { kind: 'step', slug: 'infinite-growth', step: 1 }
 */
import type { Route } from '../route.svelte.ts';

/** What navigation needs of a lesson (a `Lesson` fits). */
export interface NavLesson {
  id: string;
  slug: string;
  title: string;
  steps: readonly unknown[];
}

/** The lesson a route's slug names (`hoarding`), also by its folder name (`08-hoarding`), or null. */
export function findLesson<L extends NavLesson>(lessons: readonly L[], slug: string): L | null {
  return lessons.find((l) => l.slug === slug) ?? lessons.find((l) => l.id === slug) ?? null;
}

/** `step` kept within the lesson's steps (1 when it has none). */
export function clampStep(lesson: NavLesson, step: number): number {
  return Math.min(Math.max(1, Math.floor(step)), Math.max(1, lesson.steps.length));
}

export interface Neighbour {
  route: Route;
  /** Button words: `Back`, `Next`, `Next lesson: Hoarding`, `Back to the previous lesson: Tables`, `Finish: back to the contents`. */
  label: string;
}

/** Where Back and Next go from step `step` of lesson `slug` (null: nowhere, Back on the course's first step). */
export function stepNeighbours(lessons: readonly NavLesson[], slug: string, step: number): { back: Neighbour | null; next: Neighbour } {
  const index = lessons.findIndex((l) => l.slug === slug);
  const lesson = lessons[index];
  if (lesson === undefined) return { back: null, next: { route: { kind: 'contents' }, label: 'Back to the contents' } };
  const count = lesson.steps.length;
  let back: Neighbour | null = null;
  if (step > 1) back = { route: { kind: 'step', slug, step: step - 1 }, label: 'Back' };
  else if (index > 0) {
    const previous = lessons[index - 1];
    back = { route: { kind: 'step', slug: previous.slug, step: Math.max(1, previous.steps.length) }, label: `Back to the previous lesson: ${previous.title}` };
  }
  let next: Neighbour;
  if (step < count) next = { route: { kind: 'step', slug, step: step + 1 }, label: 'Next' };
  else if (index + 1 < lessons.length) {
    const following = lessons[index + 1];
    next = { route: { kind: 'step', slug: following.slug, step: 1 }, label: `Next lesson: ${following.title}` };
  } else next = { route: { kind: 'contents' }, label: 'Finish: back to the contents' };
  return { back, next };
}
