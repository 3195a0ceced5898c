/**
 * Hash routing between the page's modes: free play (`#/`, or no hash), the lessons (`#/lessons` the
 * contents, `#/lessons/<lesson-slug>/<step-number>` a step) and the challenges (`#/challenges` the list,
 * `#/challenges/<id>` one challenge, `#/challenges/<id>?solution=<base64url>` a shared solution). The hash keeps free play's query string (its
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
  | { kind: 'step'; slug: string; step: number }
  /** The list of challenges. */
  | { kind: 'challenges' }
  /** One challenge (`id` = folder name without its number); `solution` = a share link's base64url solution. */
  | { kind: 'challenge'; id: string; solution?: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_STEP = 999;
/** The longest `?solution=` value read (a 256 KiB solution file as base64url, with room to spare). */
export const MAX_SOLUTION_PARAM = 360_000;

/**
 * The route a location hash names. Free play for an empty hash or `#/`; the contents for `#/lessons` (and for
 * a lesson named without a valid step); anything else unknown is free play. Trailing slashes are ignored.
 */
export function parseRoute(hash: string): Route {
  const withoutMark = hash.replace(/^#/, '');
  const queryAt = withoutMark.indexOf('?');
  const path = (queryAt === -1 ? withoutMark : withoutMark.slice(0, queryAt)).replace(/\/+$/, '');
  const query = queryAt === -1 ? '' : withoutMark.slice(queryAt + 1);
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'challenges') return challengeRoute(parts, query);
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

/**
 * `#/challenges` (the list, also for a name that is not a slug) or `#/challenges/<id>`, with the share
 * link's `solution` when present (kept as text: the page decodes and checks it, and says what is wrong).
 */
function challengeRoute(parts: string[], query: string): Route {
  if (parts.length === 1) return { kind: 'challenges' };
  const id = decodeSafely(parts[1]);
  if (id === null || !SLUG.test(id) || parts.length > 2) return { kind: 'challenges' };
  let solution: string | null = null;
  try {
    solution = new URLSearchParams(query.slice(0, MAX_SOLUTION_PARAM + 20)).get('solution');
  } catch {
    solution = null;
  }
  return solution === null ? { kind: 'challenge', id } : { kind: 'challenge', id, solution };
}

/** The hash of a route: `#/`, `#/lessons`, `#/lessons/<slug>/<step>`, `#/challenges`, `#/challenges/<id>[?solution=...]`. */
export function routeHash(route: Route): string {
  switch (route.kind) {
    case 'play':
      return '#/';
    case 'contents':
      return '#/lessons';
    case 'step':
      return `#/lessons/${encodeURIComponent(route.slug)}/${route.step}`;
    case 'challenges':
      return '#/challenges';
    case 'challenge':
      return `#/challenges/${encodeURIComponent(route.id)}${route.solution === undefined ? '' : `?solution=${encodeURIComponent(route.solution)}`}`;
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
  /** Replaces the current history entry's URL (no new entry); optional for tests. */
  history?: { replaceState(data: unknown, unused: string, url?: string): void };
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

  /** Shows `route` in place of the current one (no new history entry: Back skips it), e.g. a share link once read. */
  replace(route: Route): void {
    const hash = routeHash(route);
    this.current = route;
    if (this.#window.location.hash === hash) return;
    if (this.#window.history) this.#window.history.replaceState(null, '', hash);
    else this.#window.location.hash = hash;
  }

  /** Stops following the hash. */
  stop(): void {
    this.#window.removeEventListener('hashchange', this.#onHashChange);
  }
}
