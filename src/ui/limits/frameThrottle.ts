/**
 * At most one call per animation frame, with the latest value: a dragged slider fires `input` many times a
 * frame, and each applied limit is a command in the run's timeline, so only the last value of each frame is
 * applied. `flush()` applies a pending value at once (when the slider is released).
 * The frame scheduler is passed in, so tests can drive the frames by hand.
 *
 * @example
 * const throttle = new FrameThrottle<number>((v) => apply(v), requestAnimationFrame, cancelAnimationFrame);
 * slider.oninput = () => throttle.push(Number(slider.value));
 * slider.onchange = () => throttle.flush();
 */
export class FrameThrottle<T> {
  #pending: { value: T } | null = null;
  #frame: number | null = null;

  constructor(
    private readonly apply: (value: T) => void,
    private readonly requestFrame: (callback: () => void) => number,
    private readonly cancelFrame: (handle: number) => void,
  ) {}

  /** Keeps `value` to apply on the next frame (replacing one not applied yet). */
  push(value: T): void {
    this.#pending = { value };
    if (this.#frame === null) this.#frame = this.requestFrame(() => this.#run());
  }

  /** Applies the pending value now, if there is one. */
  flush(): void {
    if (this.#frame !== null) this.cancelFrame(this.#frame);
    this.#run();
  }

  /** Forgets the pending value. */
  cancel(): void {
    if (this.#frame !== null) this.cancelFrame(this.#frame);
    this.#frame = null;
    this.#pending = null;
  }

  /** True while a value waits for its frame. */
  get isPending(): boolean {
    return this.#pending !== null;
  }

  #run(): void {
    this.#frame = null;
    const pending = this.#pending;
    this.#pending = null;
    if (pending !== null) this.apply(pending.value);
  }
}
