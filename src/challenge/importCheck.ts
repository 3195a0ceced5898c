/**
 * Both runners refuse learner code that loads other code (`import(...)`, `import.meta`, import/export
 * declarations) before it runs, with the same message: module loading is network access, and a dynamic
 * import would otherwise fail in one runner (a rejected promise nobody sees) and not the other. Kept apart
 * from `codeRunner.ts` so the page's main bundle does not carry the JavaScript parser.
 */
import { parser } from '@lezer/javascript';

/** The 1-based line of the first `import(...)`, `import.meta`, import or export in `code`, or null. */
export function importLine(code: string): number | null {
  let at: number | null = null;
  parser.parse(code).iterate({
    enter(node) {
      if (at !== null) return false;
      if (node.name === 'DynamicImport' || node.name === 'ImportMeta' || node.name === 'ImportDeclaration' || node.name === 'ExportDeclaration') at = node.from;
      return undefined;
    },
  });
  if (at === null) return null;
  let line = 1;
  for (let i = 0; i < at && i < code.length; i++) if (code.charCodeAt(i) === 10) line++;
  return line;
}

/** `line 2: import is not allowed (your code cannot load other code)`: both runners refuse module loading alike. */
export function importMessage(line: number): string {
  return `line ${line}: import is not allowed (your code cannot load other code)`;
}
