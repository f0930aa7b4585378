/** Errors are one line on stderr and exit 2; DEBUG=zoomsig adds the stack. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, runCli } from './helpers.js';

describe.concurrent('errors', () => {
  afterAll(cleanupTempDirs);

  const rows: [string, string[]][] = [
    ['bad option value', ['generate', '--native', '--key', 'k', '--secret-file', '/nonexistent/zoom.secret']],
    ['bad --now', ['decode', '--now', 'yesterday', 'eyJ.eyJ.x']],
  ];

  it.each(rows)('%s: one line without DEBUG', async (_name, args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it.each(rows)('%s: the stack with DEBUG=zoomsig', async (_name, args) => {
    const result = await runCli(args, { env: { DEBUG: 'express,zoomsig' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^zoomsig: /);
    expect(result.stderr).toMatch(/^\s+at /m);
    // The whole program with its own names (the everyday bundles have short ones: bin/zoomsig.js).
    expect(result.stderr).toContain('zoomsig.debug.cjs');
  });
});
