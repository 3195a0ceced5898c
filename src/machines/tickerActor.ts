/**
 * The ticker: the one place where real time enters the application.
 *
 * A callback actor that sends its parent `{ type: 'clock.tick', realMs }` once per animation frame
 * (`requestAnimationFrame` when the page has it, else every 16 ms with `setTimeout`), where `realMs` is the
 * real time elapsed since the previous tick (or since the ticker started). The simulator machine invokes it
 * while playing and turns real milliseconds into virtual ones at the chosen speed; tests replace it with
 * `simulatorMachine.provide({ actors: { ticker: fake } })`, so no test ever waits for real time.
 *
 * @example
 * const machine = simulatorMachine.provide({ actors: { ticker: fromCallback(({ sendBack }) => { ... }) } });
 */
import { fromCallback } from 'xstate';

/** What the ticker sends: real milliseconds since the previous tick. */
export interface ClockTick {
  type: 'clock.tick';
  realMs: number;
}

/** Nominal frame interval when the page has no `requestAnimationFrame`, in real ms. */
export const FALLBACK_FRAME_MS = 16;

/** Real time now, in ms: the page's high-resolution clock. */
function realNowMs(): number {
  return globalThis.performance.now();
}

/** Ticks once per animation frame, or every {@link FALLBACK_FRAME_MS} without one; stops when its state is left. */
export const tickerActor = fromCallback<{ type: 'ticker.noop' }, void>(({ sendBack }) => {
  let lastMs = realNowMs();
  const emit = (nowMs: number) => {
    const realMs = Math.max(0, nowMs - lastMs);
    lastMs = nowMs;
    sendBack({ type: 'clock.tick', realMs } satisfies ClockTick);
  };
  if (typeof globalThis.requestAnimationFrame === 'function') {
    let handle = 0;
    const frame = (timeMs: number) => {
      emit(timeMs);
      handle = globalThis.requestAnimationFrame(frame);
    };
    handle = globalThis.requestAnimationFrame(frame);
    return () => globalThis.cancelAnimationFrame(handle);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loop = () => {
    emit(realNowMs());
    timer = setTimeout(loop, FALLBACK_FRAME_MS);
  };
  timer = setTimeout(loop, FALLBACK_FRAME_MS);
  return () => clearTimeout(timer);
});
