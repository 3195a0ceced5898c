import { describe, expect, it } from 'vitest';
import { keyPressOf, pageShortcut, shortcutAction, SHORTCUTS, simulatorShortcut, type KeyPress, type PlayState } from './shortcuts.ts';

function press(key: string, more: Partial<KeyPress> = {}): KeyPress {
  return { key, isRepeat: false, hasModifier: false, targetTag: 'BODY', isTargetEditable: false, ...more };
}

const paused: PlayState = { isPlaying: false, durationMs: 3_600_000 };
const playing: PlayState = { isPlaying: true, durationMs: 3_600_000 };

describe('simulatorShortcut()', () => {
  it('Space plays when paused and pauses when playing', () => {
    expect(simulatorShortcut(press(' '), paused)).toEqual({ type: 'sim.play' });
    expect(simulatorShortcut(press(' '), playing)).toEqual({ type: 'sim.pause' });
  });

  it('→ steps and ← steps back, even with a button focused', () => {
    expect(simulatorShortcut(press('ArrowRight'), paused)).toEqual({ type: 'sim.step' });
    expect(simulatorShortcut(press('ArrowLeft', { targetTag: 'BUTTON' }), playing)).toEqual({ type: 'sim.stepBack' });
  });

  it('Home goes back to the start and End seeks to the end of the service', () => {
    expect(simulatorShortcut(press('Home'), playing)).toEqual({ type: 'sim.reset' });
    expect(simulatorShortcut(press('End'), paused)).toEqual({ type: 'sim.seek', toMs: 3_600_000 });
    expect(simulatorShortcut(press('End'), { isPlaying: false, durationMs: 90_000 })).toEqual({ type: 'sim.seek', toMs: 90_000 });
  });

  it('leaves keys to form controls, editable text and the browser', () => {
    for (const targetTag of ['INPUT', 'SELECT', 'TEXTAREA']) {
      for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End']) expect(simulatorShortcut(press(key, { targetTag }), paused)).toBeNull();
    }
    expect(simulatorShortcut(press(' ', { targetTag: 'BUTTON' }), paused)).toBeNull();
    expect(simulatorShortcut(press('ArrowLeft', { targetTag: 'DIV', isTargetEditable: true }), paused)).toBeNull();
    expect(simulatorShortcut(press('ArrowRight', { hasModifier: true }), paused)).toBeNull();
    expect(simulatorShortcut(press('Home', { hasModifier: true }), paused)).toBeNull();
  });

  it('on a slider, leaves the arrows, Home and End to it but plays and pauses with Space', () => {
    const slider = { targetTag: 'INPUT', isTargetSlider: true };
    expect(simulatorShortcut(press(' ', slider), paused)).toEqual({ type: 'sim.play' });
    expect(simulatorShortcut(press(' ', slider), playing)).toEqual({ type: 'sim.pause' });
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) expect(simulatorShortcut(press(key, slider), paused)).toBeNull();
  });

  it('repeats only the arrows when a key is held', () => {
    expect(simulatorShortcut(press(' ', { isRepeat: true }), paused)).toBeNull();
    expect(simulatorShortcut(press('Home', { isRepeat: true }), paused)).toBeNull();
    expect(simulatorShortcut(press('End', { isRepeat: true }), paused)).toBeNull();
    expect(simulatorShortcut(press('ArrowRight', { isRepeat: true }), paused)).toEqual({ type: 'sim.step' });
  });

  it('ignores other keys', () => {
    expect(simulatorShortcut(press('Enter'), paused)).toBeNull();
    expect(simulatorShortcut(press('k'), paused)).toBeNull();
    expect(simulatorShortcut(press('?'), paused)).toBeNull();
  });
});

describe('pageShortcut()', () => {
  it('? shows the shortcuts and t switches the words', () => {
    expect(pageShortcut(press('?'))).toBe('showShortcuts');
    expect(pageShortcut(press('t'))).toBe('toggleTerms');
    expect(pageShortcut(press('T', { targetTag: 'BUTTON' }))).toBe('toggleTerms');
  });

  it('leaves typing, browser shortcuts and held keys alone', () => {
    expect(pageShortcut(press('t', { targetTag: 'INPUT' }))).toBeNull();
    expect(pageShortcut(press('?', { targetTag: 'TEXTAREA' }))).toBeNull();
    expect(pageShortcut(press('t', { isTargetEditable: true, targetTag: 'DIV' }))).toBeNull();
    expect(pageShortcut(press('t', { hasModifier: true }))).toBeNull();
    expect(pageShortcut(press('t', { isRepeat: true }))).toBeNull();
    expect(pageShortcut(press(' '))).toBeNull();
    expect(pageShortcut(press('/'))).toBeNull();
  });
});

describe('shortcutAction()', () => {
  it('tells simulator commands from page actions', () => {
    expect(shortcutAction(press(' '), paused)).toEqual({ kind: 'simulator', event: { type: 'sim.play' } });
    expect(shortcutAction(press('?'), paused)).toEqual({ kind: 'page', action: 'showShortcuts' });
    expect(shortcutAction(press('t'), playing)).toEqual({ kind: 'page', action: 'toggleTerms' });
    expect(shortcutAction(press('x'), playing)).toBeNull();
  });

  it('SHORTCUTS lists every shortcut, each of which does something (Escape is the dialogs’ own)', () => {
    expect(SHORTCUTS.map((s) => s.keycap)).toEqual(['Space', '→', '←', 'Home', 'End', 't', '?', 'Esc']);
    for (const row of SHORTCUTS.filter((s) => s.key !== 'Escape')) expect(shortcutAction(press(row.key), paused), row.keycap).not.toBeNull();
  });
});

describe('keyPressOf()', () => {
  it('reads the key, the modifiers and the focused element', () => {
    const event = { key: ' ', repeat: false, ctrlKey: false, altKey: true, metaKey: false, target: { tagName: 'button', isContentEditable: false } };
    expect(keyPressOf(event as unknown as KeyboardEvent)).toEqual({
      key: ' ',
      isRepeat: false,
      hasModifier: true,
      targetTag: 'BUTTON',
      isTargetEditable: false,
      isTargetSlider: false,
    });
    const onWindow = { key: 'ArrowLeft', repeat: true, ctrlKey: false, altKey: false, metaKey: false, target: null };
    expect(keyPressOf(onWindow as unknown as KeyboardEvent)).toEqual({
      key: 'ArrowLeft',
      isRepeat: true,
      hasModifier: false,
      targetTag: '',
      isTargetEditable: false,
      isTargetSlider: false,
    });
    const onSlider = { key: ' ', repeat: false, ctrlKey: false, altKey: false, metaKey: false, target: { tagName: 'INPUT', type: 'range', isContentEditable: false } };
    expect(keyPressOf(onSlider as unknown as KeyboardEvent)).toMatchObject({ targetTag: 'INPUT', isTargetSlider: true });
  });
});
