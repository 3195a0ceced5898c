import { describe, expect, it } from 'vitest';
import { keyPressOf, shortcutEvent, type KeyPress } from './shortcuts.ts';

function press(key: string, more: Partial<KeyPress> = {}): KeyPress {
  return { key, isRepeat: false, hasModifier: false, targetTag: 'BODY', isTargetEditable: false, ...more };
}

describe('shortcutEvent()', () => {
  it('Space plays when paused and pauses when playing', () => {
    expect(shortcutEvent(press(' '), false)).toEqual({ type: 'sim.play' });
    expect(shortcutEvent(press(' '), true)).toEqual({ type: 'sim.pause' });
  });

  it('→ steps and ← steps back, even with a button focused', () => {
    expect(shortcutEvent(press('ArrowRight'), false)).toEqual({ type: 'sim.step' });
    expect(shortcutEvent(press('ArrowLeft', { targetTag: 'BUTTON' }), true)).toEqual({ type: 'sim.stepBack' });
  });

  it('leaves keys to form controls, editable text and the browser', () => {
    for (const targetTag of ['INPUT', 'SELECT', 'TEXTAREA']) {
      expect(shortcutEvent(press(' ', { targetTag }), false)).toBeNull();
      expect(shortcutEvent(press('ArrowRight', { targetTag }), false)).toBeNull();
    }
    expect(shortcutEvent(press(' ', { targetTag: 'BUTTON' }), false)).toBeNull();
    expect(shortcutEvent(press('ArrowLeft', { targetTag: 'DIV', isTargetEditable: true }), false)).toBeNull();
    expect(shortcutEvent(press('ArrowRight', { hasModifier: true }), false)).toBeNull();
  });

  it('ignores a held Space and other keys', () => {
    expect(shortcutEvent(press(' ', { isRepeat: true }), false)).toBeNull();
    expect(shortcutEvent(press('ArrowRight', { isRepeat: true }), false)).toEqual({ type: 'sim.step' });
    expect(shortcutEvent(press('Enter'), false)).toBeNull();
    expect(shortcutEvent(press('k'), false)).toBeNull();
  });
});

describe('keyPressOf()', () => {
  it('reads the key, the modifiers and the focused element', () => {
    const event = { key: ' ', repeat: false, ctrlKey: false, altKey: true, metaKey: false, target: { tagName: 'button', isContentEditable: false } };
    expect(keyPressOf(event as unknown as KeyboardEvent)).toEqual({ key: ' ', isRepeat: false, hasModifier: true, targetTag: 'BUTTON', isTargetEditable: false });
    const onWindow = { key: 'ArrowLeft', repeat: true, ctrlKey: false, altKey: false, metaKey: false, target: null };
    expect(keyPressOf(onWindow as unknown as KeyboardEvent)).toEqual({ key: 'ArrowLeft', isRepeat: true, hasModifier: false, targetTag: '', isTargetEditable: false });
  });
});
