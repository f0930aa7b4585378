/** Exit codes of every command (the CLI contract). */
export const EXIT = {
  /** Fine: warnings do not fail, unless --strict. */
  ok: 0,
  /** The token, credentials or endpoint has a problem. */
  problem: 1,
  /** Usage error, unreadable input, or an internal error. */
  usage: 2,
  /** Stopped by the user at a prompt (Ctrl-C), as a shell reports SIGINT. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
