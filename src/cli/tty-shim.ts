/**
 * What chalk's colour detection asks of node:tty (isatty), in the bundle
 * only: scripts/build-cli.mjs gives chalk this module for node:tty. Loading
 * node:tty itself brings up net and Node's streams, which decode and doctor
 * never otherwise need; this answers from the descriptor (descriptor-output.ts).
 */
import { isTerminal } from './descriptor-output.js';

function isatty(fd: number): boolean {
  return isTerminal(fd, () => (fd === 1 ? process.stdout : fd === 2 ? process.stderr : process.stdin));
}

export default { isatty };
