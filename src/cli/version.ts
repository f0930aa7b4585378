/** zoomsig's version: written into the bundle at build time (scripts/build-cli.mjs), else read from package.json. */
import { readFileSync } from 'node:fs';
import type { CommandInput } from './commands.js';
import { EXIT } from './exit-codes.js';

declare const __ZOOMSIG_VERSION__: string | undefined;

export function zoomsigVersion(): string {
  if (typeof __ZOOMSIG_VERSION__ === 'string') return __ZOOMSIG_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** `zoomsig version`, as --version. */
export async function runVersion({ output }: CommandInput): Promise<number> {
  output.out(zoomsigVersion());
  return EXIT.ok;
}
