/** Reads a file the user named; a failure is one sentence naming the file and the option. */
import { readFileSync } from 'node:fs';
import { ZoomsigError } from '../core/errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

/** `what` names the file in the message: "the secret file", "the --join file". */
export function readUserFile(path: string, what: string, option: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
    throw new ZoomsigError('UNREADABLE_INPUT', `cannot read ${what} ${path}: ${reason}.`, option);
  }
}
