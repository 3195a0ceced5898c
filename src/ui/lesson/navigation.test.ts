import { describe, expect, it } from 'vitest';
import { clampStep, findLesson, stepNeighbours, type NavLesson } from './navigation.ts';

const lessons: NavLesson[] = [
  { id: '07-ingredients', slug: 'ingredients', title: 'Ingredients', steps: [1, 2, 3] },
  { id: '08-hoarding', slug: 'hoarding', title: 'Hoarding', steps: [1, 2] },
];

describe('findLesson()', () => {
  it('finds a lesson by slug or folder name', () => {
    expect(findLesson(lessons, 'hoarding')?.id).toBe('08-hoarding');
    expect(findLesson(lessons, '07-ingredients')?.slug).toBe('ingredients');
    expect(findLesson(lessons, 'tables')).toBeNull();
  });
});

describe('clampStep()', () => {
  it('keeps a step number within the lesson', () => {
    expect(clampStep(lessons[0], 0)).toBe(1);
    expect(clampStep(lessons[0], 2)).toBe(2);
    expect(clampStep(lessons[0], 9)).toBe(3);
    expect(clampStep({ ...lessons[0], steps: [] }, 3)).toBe(1);
  });
});

describe('stepNeighbours()', () => {
  it('goes back and on within a lesson', () => {
    expect(stepNeighbours(lessons, 'ingredients', 2)).toEqual({
      back: { route: { kind: 'step', slug: 'ingredients', step: 1 }, label: 'Back' },
      next: { route: { kind: 'step', slug: 'ingredients', step: 3 }, label: 'Next' },
    });
  });

  it('crosses into the next and previous lessons, and ends at the contents', () => {
    expect(stepNeighbours(lessons, 'ingredients', 1).back).toBeNull();
    expect(stepNeighbours(lessons, 'ingredients', 3).next).toEqual({ route: { kind: 'step', slug: 'hoarding', step: 1 }, label: 'Next lesson: Hoarding' });
    expect(stepNeighbours(lessons, 'hoarding', 1).back).toEqual({ route: { kind: 'step', slug: 'ingredients', step: 3 }, label: 'Back to the previous lesson: Ingredients' });
    expect(stepNeighbours(lessons, 'hoarding', 2).next).toEqual({ route: { kind: 'contents' }, label: 'Finish: back to the contents' });
    expect(stepNeighbours(lessons, 'nowhere', 1)).toEqual({ back: null, next: { route: { kind: 'contents' }, label: 'Back to the contents' } });
  });
});
