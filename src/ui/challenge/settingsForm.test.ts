import { describe, expect, it } from 'vitest';
import type { SettingSpec } from '../../challenge/types.ts';
import { draftSettings, isAllowed, numberText, readSettingText, settingField, settingText } from './settingsForm.ts';

const tables: SettingSpec = { path: 'tables.small.max', label: 'Small tables', term: 'pool max', unit: 'tables', min: 1, max: 30, step: 1 };
const ratio: SettingSpec = { path: 'x.ratio', label: 'Ratio', term: 'r', min: 0.1, max: 1, step: 0.05 };
const policy: SettingSpec = { path: 'stations.heap.policy', label: 'Fit', term: 'fit policy', options: ['FIRST', 'BEST', true, 3] };

describe('settingField()', () => {
  it('describes a number field with its range and unit, and a choice with its options', () => {
    expect(settingField(tables)).toMatchObject({ kind: 'number', min: 1, max: 30, step: 1, rangeText: '1 to 30 tables' });
    expect(settingField(ratio)).toMatchObject({ rangeText: '0.1 to 1, in steps of 0.05' });
    expect(settingField(policy)).toMatchObject({ kind: 'choice', options: [{ value: 'FIRST', text: 'FIRST' }, { value: 'BEST', text: 'BEST' }, { value: true, text: 'true' }, { value: 3, text: '3' }] });
  });
});

describe('readSettingText()', () => {
  it('reads good numbers and refuses the rest with a reason', () => {
    expect(readSettingText(tables, ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(readSettingText(tables, '')).toEqual({ ok: false, message: 'Enter a number.' });
    expect(readSettingText(tables, 'ten')).toEqual({ ok: false, message: '“ten” is not a number.' });
    expect(readSettingText(tables, '1e3')).toEqual({ ok: false, message: '“1e3” is not a number.' });
    expect(readSettingText(tables, '0')).toEqual({ ok: false, message: 'At least 1.' });
    expect(readSettingText(tables, '31')).toEqual({ ok: false, message: 'At most 30.' });
    expect(readSettingText(tables, '2.5')).toEqual({ ok: false, message: 'A whole number.' });
    expect(readSettingText(ratio, '0.35')).toEqual({ ok: true, value: 0.35 });
    expect(readSettingText(ratio, '0.33')).toEqual({ ok: false, message: 'In steps of 0.05 from 0.1.' });
  });

  it('reads an option by its text', () => {
    expect(readSettingText(policy, 'BEST')).toEqual({ ok: true, value: 'BEST' });
    expect(readSettingText(policy, 'true')).toEqual({ ok: true, value: true });
    expect(readSettingText(policy, '3')).toEqual({ ok: true, value: 3 });
    expect(readSettingText(policy, 'WORST')).toEqual({ ok: false, message: 'Choose one of: FIRST, BEST, true, 3.' });
  });
});

describe('drafts', () => {
  const challenge = { settings: [tables, policy], startingSettings: { 'tables.small.max': 8, 'stations.heap.policy': 'FIRST' } };

  it('starts from the starting values and keeps the stored ones still allowed', () => {
    expect(draftSettings(challenge, undefined)).toEqual({ settings: { 'tables.small.max': 8, 'stations.heap.policy': 'FIRST' }, dropped: [] });
    expect(draftSettings(challenge, { 'tables.small.max': 12, 'stations.heap.policy': 'NOPE', gone: 1 })).toEqual({
      settings: { 'tables.small.max': 12, 'stations.heap.policy': 'FIRST' },
      dropped: ['stations.heap.policy', 'gone'],
    });
    expect(isAllowed(tables, 40)).toBe(false);
    expect(isAllowed(tables, '12')).toBe(false);
  });

  it('writes numbers without float noise', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(300000)).toBe('300000');
    expect(settingText(policy, true)).toBe('true');
  });
});
