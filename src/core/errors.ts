/**
 * Errors with a stable `code`. The command layer turns them into a one-line
 * message and exit code 2; nothing else should reach a user.
 */
export type ZoomsigErrorCode =
  | 'USAGE'
  | 'INVALID_OPTION'
  | 'MISSING_VALUE'
  | 'UNREADABLE_INPUT'
  | 'UNREACHABLE'
  | 'INTERNAL';

export class ZoomsigError extends Error {
  readonly code: ZoomsigErrorCode;
  /** Which option, claim or input the error is about, when there is one. */
  readonly subject: string | undefined;

  constructor(code: ZoomsigErrorCode, message: string, subject?: string) {
    super(message);
    this.name = 'ZoomsigError';
    this.code = code;
    this.subject = subject;
  }
}

export function isZoomsigError(error: unknown): error is ZoomsigError {
  return error instanceof ZoomsigError;
}
