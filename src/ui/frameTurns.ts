/**
 * Turns for the page's parts while the service plays too fast to follow (see `playback.svelte.ts`): each
 * frame, only the next part(s) in turn take the latest state, the others keep the one they drew last, so a
 * frame pays for a bounded slice of the page's DOM work instead of all of it. The parts are the restaurant's
 * areas, the charts, the gauges, the event log and the latest-event line; the clock, the play bar and the
 * timeline stay live. Paused, stepping, seeking or at a watchable speed, every part takes the latest state at
 * once (the moment the stagger stops, every part catches up).
 *
 * A part keeps the identity of the value it drew until its turn comes, so a `$derived` that takes through
 * here yields the same object and Svelte reruns nothing that depends on it.
 *
 * Frames are told apart by a token that changes once per frame and is the same for every part within it (in
 * the browser, `document.timeline.currentTime`: see {@link frameToken}); the first part to take in a new
 * frame moves the turn on. Pure: the token and the stagger are passed in.
 *
 * @example
 * const held = pageTurns.take('feed', items, playback.isFast, frameToken()); // items, or what it drew last
 */

/**
 * Parts that take the latest state in one frame while staggered. One: on the dinner service (9 parts), a
 * frame then pays for one area, or the charts, or the log..., never for two of them.
 */
export const PARTS_PER_FRAME = 1;

export class FrameTurns {
  readonly #perFrame: number;
  /** The parts taking turns, in the order they first took a value. */
  readonly #parts: string[] = [];
  /** What each part drew last. */
  readonly #held = new Map<string, unknown>();
  /** The parts whose turn it is this frame. */
  #due = new Set<string>();
  /** Parts scrolled out of view: while staggered they take no turns (they catch up once back in view). */
  readonly #outOfView = new Set<string>();
  /** Where the turn starts next frame (an index into the parts). */
  #next = 0;
  /** The token of the frame the turn was last moved on in; a fresh object matches no token. */
  #frame: unknown = {};

  readonly #onMove: () => void;

  /** `onMove` is called each time the turn moves on to a new frame (to wake the parts up: see heldByTurns). */
  constructor(perFrame = PARTS_PER_FRAME, onMove: () => void = () => {}) {
    this.#perFrame = Math.max(1, Math.floor(perFrame));
    this.#onMove = onMove;
  }

  /**
   * The value `part` draws now: `latest` when not staggered, when it is the part's turn this frame, or when
   * the part has drawn nothing yet; otherwise what it drew last (the same object). Call it whenever the
   * part's input changes (once per frame while playing), with the frame's token.
   */
  take<T>(part: string, latest: T, isStaggered: boolean, frame: unknown): T {
    return this.isDue(part, isStaggered, frame) ? this.#keep(part, latest) : (this.#held.get(part) as T);
  }

  /**
   * Whether `part` takes the latest value in this frame (see {@link take}): a part that is not due need not
   * even work its latest value out. Registers the part, and moves the turn on when `frame` is a new frame.
   */
  isDue(part: string, isStaggered: boolean, frame: unknown): boolean {
    if (!this.#parts.includes(part)) this.#parts.push(part);
    if (!isStaggered || !this.#held.has(part)) return true;
    this.moveOnTo(frame);
    return this.#due.has(part);
  }

  /** Moves the turn on if `frame` is a new frame (a no-op for the frame the turn last moved in). */
  moveOnTo(frame: unknown): void {
    if (!Object.is(frame, this.#frame)) this.#moveOn(frame);
  }

  /** The parts whose turn it is in the frame last seen (for tests and measurements). */
  due(): ReadonlySet<string> {
    return this.#due;
  }

  /**
   * Says whether `part` is in view. While staggered, a part out of view keeps what it drew and its turns go
   * to the parts in view; paused, stepping or at a watchable speed it takes the latest like any other.
   */
  setInView(part: string, isInView: boolean): void {
    if (isInView) this.#outOfView.delete(part);
    else this.#outOfView.add(part);
  }

  /** Stops handing `part` turns and forgets what it drew (it is no longer on the page). */
  leave(part: string): void {
    const i = this.#parts.indexOf(part);
    if (i === -1) return;
    this.#parts.splice(i, 1);
    if (i < this.#next) this.#next -= 1;
    this.#held.delete(part);
    this.#due.delete(part);
    this.#outOfView.delete(part);
  }

  #keep<T>(part: string, value: T): T {
    this.#held.set(part, value);
    return value;
  }

  #moveOn(frame: unknown): void {
    this.#frame = frame;
    this.#due = new Set();
    const total = this.#parts.length;
    const start = this.#next % Math.max(1, total);
    for (let i = 0; i < total && this.#due.size < this.#perFrame; i++) {
      const index = (start + i) % total;
      if (this.#outOfView.has(this.#parts[index])) continue;
      this.#due.add(this.#parts[index]);
      this.#next = (index + 1) % total;
    }
    this.#onMove();
  }
}

/**
 * A token that is the same throughout one rendered frame and differs from one frame to the next: the
 * document timeline's current time (the frame's timestamp), else the clock (every call a new frame).
 */
export function frameToken(): unknown {
  const time = typeof document === 'undefined' ? null : document.timeline?.currentTime;
  return time ?? performance.now();
}
