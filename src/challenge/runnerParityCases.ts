/**
 * Test data shared by `nodeCodeRunner.test.ts` and `e2e/challenges.spec.ts`: snippets of learner code and what
 * each must give in BOTH runners (the grader's Node runner and the browser's worker), so a solution never
 * passes in one and fails in the other. `works` = runs without a throw; otherwise the name of the error.
 */
export interface ParityCase {
  /** What the snippet uses. */
  name: string;
  /** Statements run inside the learner's function. */
  body: string;
  outcome: 'works' | 'ReferenceError' | 'EvalError' | 'TypeError';
}

/** Nothing listens there: a request that got out would fail, but the point is that none is made. */
const NOWHERE = 'http://127.0.0.1:9';

export const PARITY_CASES: readonly ParityCase[] = [
  { name: 'console.log', body: "console.log('left over', 1);", outcome: 'works' },
  { name: 'console.error', body: "console.error('left over'); console.table([1]);", outcome: 'works' },
  { name: 'Math, JSON, Map, Intl', body: "JSON.stringify([...new Map([[1, Math.max(1, 2)]])]); new Intl.NumberFormat('en').format(1);", outcome: 'works' },
  { name: 'typeof fetch', body: "if (typeof fetch !== 'undefined' || typeof structuredClone !== 'undefined') throw new TypeError('defined');", outcome: 'works' },
  { name: 'setTimeout', body: 'setTimeout(() => {}, 1);', outcome: 'ReferenceError' },
  { name: 'setTimeout with a string', body: `setTimeout("import('${NOWHERE}/timeout.js')", 0);`, outcome: 'ReferenceError' },
  { name: 'structuredClone', body: 'structuredClone({ a: 1 });', outcome: 'ReferenceError' },
  { name: 'fetch', body: `fetch('${NOWHERE}/fetch');`, outcome: 'ReferenceError' },
  { name: 'globalThis.fetch', body: `globalThis.fetch('${NOWHERE}/fetch');`, outcome: 'TypeError' },
  { name: 'FontFace', body: `new FontFace('x', 'url(${NOWHERE}/font.woff2)').load();`, outcome: 'ReferenceError' },
  { name: 'self.fonts', body: 'self.fonts.size;', outcome: 'ReferenceError' },
  { name: 'importScripts', body: `importScripts('${NOWHERE}/script.js');`, outcome: 'ReferenceError' },
  { name: 'indexedDB', body: "indexedDB.open('x');", outcome: 'ReferenceError' },
  { name: 'XMLHttpRequest', body: 'new XMLHttpRequest();', outcome: 'ReferenceError' },
  { name: 'WebSocket', body: `new WebSocket('ws://127.0.0.1:9/');`, outcome: 'ReferenceError' },
  { name: 'Function(text)', body: "Function('return 1')();", outcome: 'EvalError' },
  { name: 'a function constructor', body: "(async function () {}).constructor('return 1');", outcome: 'EvalError' },
  { name: 'eval', body: "eval('1 + 1');", outcome: 'EvalError' },
];

/**
 * One program that tries every case at its top level and then throws an Error whose message lists the
 * outcomes in order, one letter each ("[wwRE]": works, works, ReferenceError, EvalError; the runners cut a
 * message to 200 characters), so one run of either runner checks them all.
 */
export function parityProbe(functionName: string): string {
  const tries = PARITY_CASES.map(
    (c) => `try { (() => { ${c.body} })(); out += 'w'; } catch (e) { out += e && typeof e.name === 'string' ? e.name.charAt(0) : '?'; }`,
  );
  return [`let out = '';`, ...tries, `throw new Error('[' + out + ']');`, `function ${functionName}(dishes) { return dishes[0].key; }`].join('\n');
}

/** The outcomes a {@link parityProbe} message lists (null when the message has no list). */
export function probeOutcomes(message: string): string[] | null {
  const m = /\[([A-Za-z?]+)\]/.exec(message);
  const names: Record<string, string> = { w: 'works', R: 'ReferenceError', E: 'EvalError', T: 'TypeError', S: 'SyntaxError' };
  return m === null ? null : [...m[1]].map((letter) => names[letter] ?? letter);
}

/** A solution's `import(...)`: refused before it runs, with the same message in both runners. */
export const IMPORT_CASE = { code: `function pick() {\n  return import('${NOWHERE}/module.js');\n}`, message: 'line 2: import is not allowed (your code cannot load other code)' };
