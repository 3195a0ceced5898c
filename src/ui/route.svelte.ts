/**
 * Hash routing between the page's two modes: free play (`#/`, or no hash) and the lessons (`#/lessons` the
 * contents, `#/lessons/<lesson-slug>/<step-number>` a step). The hash keeps free play's query string (its
 * share link) out of the way, and a static host needs no server routes.
 *
 * {@link parseRoute} and {@link routeHash} are pure; {@link HashRouter} follows `window.location.hash` as runes
 * state. The page makes one router and passes it down (no module-level state).
 *
 * @example
 * parseRoute('#/lessons/hoarding/3') // { kind: 'step', slug: 'hoarding', step: 3 }
 * routeHash({ kind: 'contents' })    // '#/lessons'
 */

export type Route =
  | { kind: 'play' }
  | { kind: 'contents' }
  /** A step of a lesson: `slug` as in the lesson folder name (`08-hoarding` -> `hoarding`), `step` from 1. */
  | { kind: 'step'; slug: string; step: number };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_STEP = 999;

/**
 * The route a location hash names. Free play for an empty hash or `#/`; the contents for `#/lessons` (and for
 * a lesson named without a valid step); anything else unknown is free play. Trailing slashes are ignored.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] !== 'lessons') return { kind: 'play' };
  if (parts.length === 1) return { kind: 'contents' };
  const slug = decodeSafely(parts[1]);
  if (slug === null || !SLUG.test(slug)) return { kind: 'contents' };
  if (parts.length === 2) return { kind: 'step', slug, step: 1 };
  const stepText = parts[2];
  if (parts.length > 3 || !/^\d{1,3}$/.test(stepText)) return { kind: 'step', slug, step: 1 };
  const step = Number(stepText);
  return { kind: 'step', slug, step: step >= 1 && step <= MAX_STEP ? step : 1 };
}

/** The hash of a route: `#/`, `#/lessons`, `#/lessons/<slug>/<step>`. */
export function routeHash(route: Route): string {
  switch (route.kind) {
    case 'play':
      return '#/';
    case 'contents':
      return '#/lessons';
    case 'step':
      return `#/lessons/${encodeURIComponent(route.slug)}/${route.step}`;
  }
}

/** True when two routes name the same place. */
export function isSameRoute(a: Route, b: Route): boolean {
  return routeHash(a) === routeHash(b);
}

function decodeSafely(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The window parts the router uses (a test passes its own). */
export interface RouterWindow {
  location: { hash: string };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** The current route as runes state, following the location hash (back and forward buttons included). */
export class HashRouter {
  /** Where the page is. */
  current: Route = $state({ kind: 'play' });
  readonly #window: RouterWindow;
  readonly #onHashChange = () => {
    const next = parseRoute(this.#window.location.hash);
    if (!isSameRoute(next, this.current)) this.current = next;
  };

  constructor(win: RouterWindow) {
    this.#window = win;
    this.current = parseRoute(win.location.hash);
    win.addEventListener('hashchange', this.#onHashChange);
  }

  /** Goes to `route` (a new history entry, so Back returns). */
  go(route: Route): void {
    const hash = routeHash(route);
    this.current = route;
    if (this.#window.location.hash !== hash) this.#window.location.hash = hash;
  }

  /** Stops following the hash. */
  stop(): void {
    this.#window.removeEventListener('hashchange', this.#onHashChange);
  }
}
