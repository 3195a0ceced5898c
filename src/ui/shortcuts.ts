/**
 * The play bar's keyboard shortcuts: Space plays or pauses, → steps, ← steps back. Pure: a key press is
 * described by plain fields ({@link keyPressOf} reads them from a DOM event), so the rules are testable in Node.
 *
 * Focus decides first: in a text field, a select or a slider the keys belong to the control (typing a space,
 * moving the slider), and on a button Space presses that button, as it always does.
 */
import type { SimulatorEvent } from '../machines/simulatorMachine.ts';

/** What a key press was, where, with which modifiers. */
export interface KeyPress {
  /** `KeyboardEvent.key`: `' '`, `'ArrowRight'`, ... */
  key: string;
  /** True when the key is held down and repeating. */
  isRepeat: boolean;
  /** True with Ctrl, Alt or Meta (those are the browser's or the system's shortcuts). */
  hasModifier: boolean;
  /** Upper-case tag name of the focused element (`'INPUT'`, `'BUTTON'`), or `''`. */
  targetTag: string;
  /** True when the focused element is editable text (`contenteditable`). */
  isTargetEditable: boolean;
}

/** Elements whose own keys include the arrows and Space. */
const CONTROLS_WITH_KEYS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * The event a key press sends, or null when it is not a shortcut here.
 * @param isPlaying whether the ticker runs (Space then pauses)
 */
export function shortcutEvent(press: KeyPress, isPlaying: boolean): SimulatorEvent | null {
  if (press.hasModifier || press.isTargetEditable || CONTROLS_WITH_KEYS.has(press.targetTag)) return null;
  switch (press.key) {
    case ' ':
    case 'Spacebar':
      if (press.isRepeat || press.targetTag === 'BUTTON') return null;
      return { type: isPlaying ? 'sim.pause' : 'sim.play' };
    case 'ArrowRight':
      return { type: 'sim.step' };
    case 'ArrowLeft':
      return { type: 'sim.stepBack' };
    default:
      return null;
  }
}

/** The fields of a DOM keyboard event that {@link shortcutEvent} reads. */
export function keyPressOf(event: KeyboardEvent): KeyPress {
  const target = event.target as Partial<HTMLElement> | null;
  return {
    key: event.key,
    isRepeat: event.repeat,
    hasModifier: event.ctrlKey || event.altKey || event.metaKey,
    targetTag: typeof target?.tagName === 'string' ? target.tagName.toUpperCase() : '',
    isTargetEditable: target?.isContentEditable === true,
  };
}
