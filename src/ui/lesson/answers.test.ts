import { describe, expect, it } from 'vitest';
import { checkChoice, checkNumber, numberAnswerText, parseNumberAnswer, type ChoiceQuestion, type NumberQuestion } from './answers.ts';

const t = (text: string) => [{ kind: 'text' as const, text }];

const choice: ChoiceQuestion = {
  kind: 'choice',
  prompt: t('Which?'),
  options: [
    { text: t('A'), isCorrect: false, feedback: t('A is the misconception.') },
    { text: t('B'), isCorrect: true, feedback: null },
    { text: t('C'), isCorrect: false, feedback: t('C forgets the rail.') },
  ],
  reveal: null,
};

const number: NumberQuestion = {
  kind: 'number',
  prompt: t('How many?'),
  answer: 8,
  tolerance: 0,
  unit: 'items',
  tooLow: t('Too few.'),
  tooHigh: t('Too many.'),
  reveal: null,
};

describe('checkChoice()', () => {
  it('gives the chosen option’s feedback and where the right one is', () => {
    expect(checkChoice(choice, 0)).toEqual({ isCorrect: false, feedback: t('A is the misconception.'), correctIndex: 1 });
    expect(checkChoice(choice, 2)).toEqual({ isCorrect: false, feedback: t('C forgets the rail.'), correctIndex: 1 });
    expect(checkChoice(choice, 1)).toEqual({ isCorrect: true, feedback: null, correctIndex: 1 });
    expect(checkChoice(choice, 7)).toEqual({ isCorrect: false, feedback: null, correctIndex: 1 });
  });
});

describe('parseNumberAnswer()', () => {
  it('reads plain numbers, groups of thousands and the question’s unit', () => {
    expect(parseNumberAnswer('8', 'items')).toBe(8);
    expect(parseNumberAnswer(' 8 items ', 'items')).toBe(8);
    expect(parseNumberAnswer('8 Items', 'items')).toBe(8);
    expect(parseNumberAnswer('1,000', null)).toBe(1000);
    expect(parseNumberAnswer('4 096', null)).toBe(4096);
    expect(parseNumberAnswer('-2.5', null)).toBe(-2.5);
    expect(parseNumberAnswer('.5', null)).toBe(0.5);
  });

  it('refuses anything else', () => {
    expect(parseNumberAnswer('eight', 'items')).toBeNull();
    expect(parseNumberAnswer('8 tables', 'items')).toBeNull();
    expect(parseNumberAnswer('1,00', null)).toBeNull();
    expect(parseNumberAnswer('0x10', null)).toBeNull();
    expect(parseNumberAnswer('', null)).toBeNull();
  });
});

describe('checkNumber()', () => {
  it('says too low, too high or right, with the question’s feedback', () => {
    expect(checkNumber(number, '7')).toEqual({ verdict: 'tooLow', value: 7, feedback: t('Too few.') });
    expect(checkNumber(number, '9 items')).toEqual({ verdict: 'tooHigh', value: 9, feedback: t('Too many.') });
    expect(checkNumber(number, '8')).toEqual({ verdict: 'right', value: 8, feedback: null });
  });

  it('accepts anything within the tolerance, inclusive', () => {
    const loose = { ...number, answer: 100, tolerance: 5 };
    expect(checkNumber(loose, '95').verdict).toBe('right');
    expect(checkNumber(loose, '105').verdict).toBe('right');
    expect(checkNumber(loose, '94.9').verdict).toBe('tooLow');
    expect(checkNumber(loose, '105.1').verdict).toBe('tooHigh');
  });

  it('asks again for text that is not a number', () => {
    expect(checkNumber(number, '  ')).toEqual({ verdict: 'invalid', message: 'Type a number first.' });
    expect(checkNumber(number, 'lots')).toEqual({ verdict: 'invalid', message: '“lots” is not a number. Type digits only, such as 12.' });
  });
});

describe('numberAnswerText()', () => {
  it('writes the answer with its tolerance and unit', () => {
    expect(numberAnswerText(number)).toBe('8 items');
    expect(numberAnswerText({ ...number, tolerance: 5, unit: null })).toBe('8 (give or take 5)');
  });
});
