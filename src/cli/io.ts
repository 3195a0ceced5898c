/**
 * Shared pieces of the headless CLI's input and output handling: quoting user text in messages, bounded reads
 * (a file or standard input never makes us read more than a limit, so `/dev/zero` cannot hang us), and the
 * budget on what one command may print.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { CliError } from './cliError.ts';

/** The most any command prints (bytes of output; ASCII text, so characters and bytes agree closely). */
export const MAX_OUTPUT_BYTES = 50_000_000;
/** {@link MAX_OUTPUT_BYTES} as messages say it. */
export const MAX_OUTPUT_TEXT = '50 MB';

/**
 * User text (a flag value, a file name, a policy) as messages echo it: JSON-quoted, so control characters and
 * newlines are escaped and the message stays one line; cut after `max` characters.
 * @example quote('LR\nU') // '"LR\\nU"'
 */
export function quote(text: string, max = 80): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max))}... (${text.length} characters)`;
}

/**
 * A message as one line on stderr: line breaks (with the blanks around them) become one space, and any other
 * control character is shown escaped, so no input can split the line or drive the terminal.
 */
export function oneLine(message: string): string {
  return message
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Thrown by {@link readFdText} when the input holds more than the limit. */
export class InputTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`input is larger than ${maxBytes} bytes`);
    this.name = 'InputTooLargeError';
  }
}

const CHUNK_BYTES = 1 << 20;

/** Blocks the thread for `ms` (a pipe opened non-blocking said "try again"). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Reads an open descriptor to its end as UTF-8, reading at most `maxBytes + 1` bytes.
 * @throws InputTooLargeError when there is more than `maxBytes`; the `fs` error (EISDIR, EBADF, ...) when the
 *   descriptor cannot be read.
 */
export function readFdText(fd: number, maxBytes: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(CHUNK_BYTES, maxBytes + 1 - total);
    const chunk = Buffer.allocUnsafe(want);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, want, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(5);
        continue;
      }
      throw e;
    }
    if (n === 0) break;
    chunks.push(n === want ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) throw new InputTooLargeError(maxBytes);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/**
 * Reads a file as UTF-8, at most `maxBytes + 1` bytes of it (see {@link readFdText}).
 * @throws InputTooLargeError, or the `fs` error when it cannot be opened or read.
 */
export function readFileText(path: string, maxBytes: number): string {
  const fd = openSync(path, 'r');
  try {
    return readFdText(fd, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/** Why a file could not be read, in words, from an `fs` error. */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  if (code === 'EBADF') return 'it is closed or not open for reading';
  if (code === 'ENAMETOOLONG') return 'the name is too long';
  return code ?? String((e as Error | undefined)?.message ?? e);
}

/** A byte count as messages say it: `5 MB`, `100 MB` (or `20000 bytes` below 1 MB). */
export function megabytes(bytes: number): string {
  return bytes < 1_000_000 ? `${bytes} bytes` : `${Math.round(bytes / 1_000_000)} MB`;
}

/**
 * Collects output pieces while counting their length, so a command refuses (with `tooLarge()`'s message)
 * as soon as what it would print passes {@link MAX_OUTPUT_BYTES}, instead of building a string Node cannot hold.
 * @throws CliError from `push` once the budget is passed
 */
export class OutputBudget {
  readonly parts: string[] = [];
  private bytes = 0;

  constructor(
    private readonly tooLarge: () => string,
    private readonly maxBytes = MAX_OUTPUT_BYTES,
  ) {}

  /** Adds a piece (plus one byte for the separator it will be joined with). */
  push(piece: string): void {
    this.bytes += piece.length + 1;
    if (this.bytes > this.maxBytes) throw new CliError(this.tooLarge());
    this.parts.push(piece);
  }
}

