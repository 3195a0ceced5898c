/**
 * A problem with the user's input: printed as one line on stderr, exit code 2, never a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
