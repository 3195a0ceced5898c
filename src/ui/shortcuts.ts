/**
 * The page's keyboard shortcuts. Pure: a key press is described by plain fields ({@link keyPressOf} reads them
 * from a DOM event), so the rules are testable in Node.
 *
 * A shortcut either sends a command to the simulator driver (Space, arrows, Home, End: {@link simulatorShortcut},
 * handled by the play bar) or does something on the page itself (`?` opens the list of shortcuts, `t` switches
 * the words: {@link pageShortcut}, handled by the header). {@link shortcutAction} is the one classifier both
 * read; {@link SHORTCUTS} is the list the help dialog shows, in the same order.
 *
 * Focus decides first: in a text field, a select or a slider the keys belong to the control (typing a space,
 * moving the slider, Home and End; a slider leaves Space to the page, having no use for it), and on a button
 * Space presses that button, as it always does. Ctrl, Alt and Meta combinations are the browser's. A held key
 * repeats only the arrows (stepping on and on).
 */
import type { SimulatorEvent } from '../machines/simulatorMachine.ts';

/** What a key press was, where, with which modifiers. */
export interface KeyPress {
  /** `KeyboardEvent.key`: `' '`, `'ArrowRight'`, `'?'`, ... */
  key: string;
  /** True when the key is held down and repeating. */
  isRepeat: boolean;
  /** True with Ctrl, Alt or Meta (those are the browser's or the system's shortcuts). */
  hasModifier: boolean;
  /** Upper-case tag name of the focused element (`'INPUT'`, `'BUTTON'`; `'BUTTON'` also for `role="button"`), or `''`. */
  targetTag: string;
  /** True when the focused element is editable text (`contenteditable`). */
  isTargetEditable: boolean;
  /** True when the focused element is a slider (`<input type="range">`, `role="slider"`): Space does nothing there. */
  isTargetSlider?: boolean;
}

/** What the play bar knows that a shortcut needs. */
export interface PlayState {
  /** Whether the ticker runs (Space then pauses). */
  isPlaying: boolean;
  /** The end of the service, in virtual ms (End seeks there). */
  durationMs: number;
}

/** Something the page does itself. */
export type PageAction = 'showShortcuts' | 'toggleTerms';

/** What a shortcut does: a command for the simulator driver, or a page action. */
export type ShortcutAction = { kind: 'simulator'; event: SimulatorEvent } | { kind: 'page'; action: PageAction };

/** Elements whose own keys include the arrows, Space, Home, End and letters. */
const CONTROLS_WITH_KEYS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

function belongsToFocus(press: KeyPress): boolean {
  if (press.hasModifier || press.isTargetEditable) return true;
  // A slider moves with the arrows, Home and End; it has no use for Space, which still plays and pauses.
  if (press.isTargetSlider === true && (press.key === ' ' || press.key === 'Spacebar')) return false;
  return CONTROLS_WITH_KEYS.has(press.targetTag);
}

/** The simulator command a key press sends, or null when it is not one of those shortcuts here. */
export function simulatorShortcut(press: KeyPress, state: PlayState): SimulatorEvent | null {
  if (belongsToFocus(press)) return null;
  switch (press.key) {
    case ' ':
    case 'Spacebar':
      if (press.isRepeat || press.targetTag === 'BUTTON') return null;
      return { type: state.isPlaying ? 'sim.pause' : 'sim.play' };
    case 'ArrowRight':
      return { type: 'sim.step' };
    case 'ArrowLeft':
      return { type: 'sim.stepBack' };
    case 'Home':
      return press.isRepeat ? null : { type: 'sim.reset' };
    case 'End':
      return press.isRepeat ? null : { type: 'sim.seek', toMs: Math.max(0, state.durationMs) };
    default:
      return null;
  }
}

/** The page action a key press asks for, or null. */
export function pageShortcut(press: KeyPress): PageAction | null {
  if (belongsToFocus(press) || press.isRepeat) return null;
  switch (press.key) {
    case '?':
      return 'showShortcuts';
    case 't':
    case 'T':
      return 'toggleTerms';
    default:
      return null;
  }
}

/** What a key press does, or null when it is not a shortcut here. */
export function shortcutAction(press: KeyPress, state: PlayState): ShortcutAction | null {
  const event = simulatorShortcut(press, state);
  if (event !== null) return { kind: 'simulator', event };
  const action = pageShortcut(press);
  return action === null ? null : { kind: 'page', action };
}

/** One line of the shortcut list. */
export interface ShortcutHelpRow {
  /** `KeyboardEvent.key` of the shortcut. */
  key: string;
  /** How the key is written on the keycap: `Space`, `→`. */
  keycap: string;
  /** The `aria-keyshortcuts` value of the control it stands for (`'ArrowRight'`). */
  ariaKey: string;
  /** What it does, in words. */
  does: string;
}

/** Every shortcut, as the help dialog lists it. */
export const SHORTCUTS: readonly ShortcutHelpRow[] = [
  { key: ' ', keycap: 'Space', ariaKey: 'Space', does: 'Play or pause the service' },
  { key: 'ArrowRight', keycap: '→', ariaKey: 'ArrowRight', does: 'Step to the next event' },
  { key: 'ArrowLeft', keycap: '←', ariaKey: 'ArrowLeft', does: 'Step back to where the last step started' },
  { key: 'Home', keycap: 'Home', ariaKey: 'Home', does: 'Back to the start of the service' },
  { key: 'End', keycap: 'End', ariaKey: 'End', does: 'Jump to the end of the service' },
  { key: 't', keycap: 't', ariaKey: 't', does: 'Switch between restaurant words and systems words' },
  { key: '?', keycap: '?', ariaKey: 'Shift+?', does: 'Show this list of shortcuts' },
  { key: 'Escape', keycap: 'Esc', ariaKey: 'Escape', does: 'Close a dialog' },
];

/** The fields of a DOM keyboard event that the classifiers read. */
export function keyPressOf(event: KeyboardEvent): KeyPress {
  const target = event.target as Partial<HTMLElement> | null;
  return {
    key: event.key,
    isRepeat: event.repeat,
    hasModifier: event.ctrlKey || event.altKey || event.metaKey,
    // An element acting as a button (role="button") takes Space as a press, as a real button does.
    targetTag: typeof target?.getAttribute === 'function' && target.getAttribute('role') === 'button' ? 'BUTTON' : typeof target?.tagName === 'string' ? target.tagName.toUpperCase() : '',
    isTargetEditable: target?.isContentEditable === true,
    isTargetSlider:
      (typeof target?.getAttribute === 'function' && target.getAttribute('role') === 'slider') || (target as Partial<HTMLInputElement> | null)?.type === 'range',
  };
}
