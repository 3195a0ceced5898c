/**
 * Checking a learner's answer to a predict-then-reveal question. Pure: the question (as the loader gives it)
 * and what the learner chose or typed in, the verdict and the feedback to show out.
 *
 * @example
 * checkNumber(question, '9') // { verdict: 'tooHigh', value: 9, feedback: question.tooHigh }
 */
import type { ChoiceOption, Question } from '../../lessons/lessonSchema.ts';
import type { Inline } from '../../lessons/markdown.ts';

export type ChoiceQuestion = Extract<Question, { kind: 'choice' }>;
export type NumberQuestion = Extract<Question, { kind: 'number' }>;
export type ReflectQuestion = Extract<Question, { kind: 'reflect' }>;

export interface ChoiceCheck {
  isCorrect: boolean;
  /** The chosen option's feedback (why right, or the misconception), or null when it has none. */
  feedback: Inline[] | null;
  /** The right option's index. */
  correctIndex: number;
}

/** Checks option `choice` (index into `question.options`). */
export function checkChoice(question: ChoiceQuestion, choice: number): ChoiceCheck {
  const option: ChoiceOption | undefined = question.options[choice];
  const correctIndex = question.options.findIndex((o) => o.isCorrect);
  return { isCorrect: option?.isCorrect === true, feedback: option?.feedback ?? null, correctIndex };
}

export type NumberCheck =
  | { verdict: 'invalid'; message: string }
  | { verdict: 'tooLow' | 'tooHigh' | 'right'; value: number; feedback: Inline[] | null };

/**
 * Reads `text` as a number: digits with an optional sign and decimals, digit groups separated by `,`, `_`
 * or spaces (`1,000`), optionally followed by the question's unit (`8 items`). Null when it is not one.
 */
export function parseNumberAnswer(text: string, unit: string | null): number | null {
  let t = text.trim();
  if (unit !== null && t.toLowerCase().endsWith(unit.toLowerCase())) t = t.slice(0, t.length - unit.length).trim();
  t = t.replace(/(?<=\d)[,_\s](?=\d{3}\b)/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

/** Checks a typed number against the answer, within the tolerance (inclusive). */
export function checkNumber(question: NumberQuestion, text: string): NumberCheck {
  if (text.trim() === '') return { verdict: 'invalid', message: 'Type a number first.' };
  const value = parseNumberAnswer(text, question.unit);
  if (value === null) return { verdict: 'invalid', message: `“${text.trim().slice(0, 24)}” is not a number. Type digits only, such as 12.` };
  if (value < question.answer - question.tolerance) return { verdict: 'tooLow', value, feedback: question.tooLow };
  if (value > question.answer + question.tolerance) return { verdict: 'tooHigh', value, feedback: question.tooHigh };
  return { verdict: 'right', value, feedback: null };
}

/** The right answer in words: `8 items`, `120 (give or take 5) ms`. */
export function numberAnswerText(question: NumberQuestion): string {
  const tolerance = question.tolerance > 0 ? ` (give or take ${question.tolerance})` : '';
  return `${question.answer}${tolerance}${question.unit === null ? '' : ` ${question.unit}`}`;
}
