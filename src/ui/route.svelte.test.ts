import { describe, expect, it } from 'vitest';
import { HashRouter, parseRoute, routeHash, type RouterWindow } from './route.svelte.ts';

describe('parseRoute()', () => {
  it('reads free play from no hash, #, #/ and anything unknown', () => {
    expect(parseRoute('')).toEqual({ kind: 'play' });
    expect(parseRoute('#')).toEqual({ kind: 'play' });
    expect(parseRoute('#/')).toEqual({ kind: 'play' });
    expect(parseRoute('#/somewhere/else')).toEqual({ kind: 'play' });
  });

  it('reads the contents from #/lessons, with or without a trailing slash', () => {
    expect(parseRoute('#/lessons')).toEqual({ kind: 'contents' });
    expect(parseRoute('#/lessons/')).toEqual({ kind: 'contents' });
    expect(parseRoute('#lessons')).toEqual({ kind: 'contents' });
  });

  it('reads a step, and step 1 when the number is missing or not a step number', () => {
    expect(parseRoute('#/lessons/hoarding/3')).toEqual({ kind: 'step', slug: 'hoarding', step: 3 });
    expect(parseRoute('#/lessons/infinite-growth/12/')).toEqual({ kind: 'step', slug: 'infinite-growth', step: 12 });
    expect(parseRoute('#/lessons/hoarding')).toEqual({ kind: 'step', slug: 'hoarding', step: 1 });
    expect(parseRoute('#/lessons/hoarding/0')).toEqual({ kind: 'step', slug: 'hoarding', step: 1 });
    expect(parseRoute('#/lessons/hoarding/two')).toEqual({ kind: 'step', slug: 'hoarding', step: 1 });
    expect(parseRoute('#/lessons/hoarding/1234')).toEqual({ kind: 'step', slug: 'hoarding', step: 1 });
    expect(parseRoute('#/lessons/hoarding/2/extra')).toEqual({ kind: 'step', slug: 'hoarding', step: 1 });
  });

  it('sends a lesson name that is not a slug to the contents', () => {
    expect(parseRoute('#/lessons/Hoarding/2')).toEqual({ kind: 'contents' });
    expect(parseRoute('#/lessons/%E0%A4%A/2')).toEqual({ kind: 'contents' });
    expect(parseRoute('#/lessons/a--b/2')).toEqual({ kind: 'contents' });
  });
});

describe('parseRoute() for the challenges', () => {
  it('reads the list, one challenge, and a share link', () => {
    expect(parseRoute('#/challenges')).toEqual({ kind: 'challenges' });
    expect(parseRoute('#/challenges/')).toEqual({ kind: 'challenges' });
    expect(parseRoute('#/challenges/friday-rush')).toEqual({ kind: 'challenge', id: 'friday-rush' });
    expect(parseRoute('#/challenges/friday-rush/')).toEqual({ kind: 'challenge', id: 'friday-rush' });
    expect(parseRoute('#/challenges/friday-rush?solution=eyJhIjoxfQ')).toEqual({ kind: 'challenge', id: 'friday-rush', solution: 'eyJhIjoxfQ' });
    expect(parseRoute('#/challenges/friday-rush?other=1')).toEqual({ kind: 'challenge', id: 'friday-rush' });
  });

  it('keeps a damaged solution value as text (the page says what is wrong), and sends a bad id to the list', () => {
    expect(parseRoute('#/challenges/friday-rush?solution=%%%')).toEqual({ kind: 'challenge', id: 'friday-rush', solution: '%%%' });
    expect(parseRoute('#/challenges/friday-rush?solution=')).toEqual({ kind: 'challenge', id: 'friday-rush', solution: '' });
    expect(parseRoute('#/challenges/Friday')).toEqual({ kind: 'challenges' });
    expect(parseRoute('#/challenges/%E0%A4%A')).toEqual({ kind: 'challenges' });
    expect(parseRoute('#/challenges/a/b')).toEqual({ kind: 'challenges' });
    expect(parseRoute('#/lessons/hoarding/2?solution=x')).toEqual({ kind: 'step', slug: 'hoarding', step: 2 });
  });
});

describe('routeHash()', () => {
  it('writes each route, and reads back the same route', () => {
    expect(routeHash({ kind: 'play' })).toBe('#/');
    expect(routeHash({ kind: 'contents' })).toBe('#/lessons');
    expect(routeHash({ kind: 'step', slug: 'the-manager', step: 4 })).toBe('#/lessons/the-manager/4');
    expect(routeHash({ kind: 'challenges' })).toBe('#/challenges');
    expect(routeHash({ kind: 'challenge', id: 'friday-rush' })).toBe('#/challenges/friday-rush');
    expect(routeHash({ kind: 'challenge', id: 'friday-rush', solution: 'ab-_c' })).toBe('#/challenges/friday-rush?solution=ab-_c');
    for (const hash of ['#/', '#/lessons', '#/lessons/the-manager/4', '#/challenges', '#/challenges/lru-shelf', '#/challenges/lru-shelf?solution=eyJ9']) {
      expect(routeHash(parseRoute(hash))).toBe(hash);
    }
  });
});

/** A window whose hash a test sets, firing hashchange as a browser would. */
function fakeWindow(hash: string): RouterWindow & { setHash(h: string): void; listeners: number } {
  const listeners = new Set<() => void>();
  const win = {
    location: { hash },
    addEventListener: (_: 'hashchange', l: () => void) => void listeners.add(l),
    removeEventListener: (_: 'hashchange', l: () => void) => void listeners.delete(l),
    setHash(h: string) {
      win.location.hash = h;
      for (const l of listeners) l();
    },
    get listeners() {
      return listeners.size;
    },
  };
  return win;
}

describe('HashRouter', () => {
  it('starts from the hash, follows hashchange, and writes the hash on go()', () => {
    const win = fakeWindow('#/lessons/hoarding/2');
    const router = new HashRouter(win);
    expect(router.current).toEqual({ kind: 'step', slug: 'hoarding', step: 2 });
    win.setHash('#/lessons');
    expect(router.current).toEqual({ kind: 'contents' });
    router.go({ kind: 'step', slug: 'hoarding', step: 5 });
    expect(win.location.hash).toBe('#/lessons/hoarding/5');
    expect(router.current).toEqual({ kind: 'step', slug: 'hoarding', step: 5 });
    router.stop();
    expect(win.listeners).toBe(0);
    win.setHash('#/');
    expect(router.current).toEqual({ kind: 'step', slug: 'hoarding', step: 5 });
  });

  it('replace() swaps the URL through history when there is one (no new entry, no hashchange)', () => {
    const replaced: string[] = [];
    const win = { ...fakeWindow('#/challenges/lru-shelf?solution=abc'), history: { replaceState: (_: unknown, __: string, url?: string) => void replaced.push(url ?? '') } };
    const router = new HashRouter(win);
    expect(router.current).toEqual({ kind: 'challenge', id: 'lru-shelf', solution: 'abc' });
    router.replace({ kind: 'challenge', id: 'lru-shelf' });
    expect(replaced).toEqual(['#/challenges/lru-shelf']);
    expect(router.current).toEqual({ kind: 'challenge', id: 'lru-shelf' });
  });
});
