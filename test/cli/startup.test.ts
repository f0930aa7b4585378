/**
 * Start-up is a feature: decode, doctor and explain must not evaluate what they do not use. The
 * built CLI is one CommonJS bundle, so what a command "loads" shows in the
 * internal modules Node brings up for it (process.moduleLoadList).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, makeTempDir, MEETING_ENV, meetingPayload, runCli, SECRET, signJwt } from './helpers.js';

const RECORDER = fileURLToPath(new URL('./support/record-modules.cjs', import.meta.url));
const TOKEN = signJwt(meetingPayload(), SECRET);

async function modulesLoadedBy(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const out = join(makeTempDir(), 'modules.json');
  const result = await runCli(args, { nodeArgs: ['--require', RECORDER], env: { ...env, ZOOMSIG_TEST_MODULES_OUT: out } });
  expect(result.stderr).toBe('');
  return JSON.parse(readFileSync(out, 'utf8')) as string[];
}

/** Internal modules that mean: jose ran (WebCrypto), the ESM loader started, a server or a prompt came up. */
const HEAVY = [
  'NativeModule internal/crypto/webcrypto',
  'NativeModule internal/modules/esm/loader',
  'NativeModule http',
  'NativeModule readline',
];

describe.concurrent('start-up', () => {
  afterAll(cleanupTempDirs);

  it('decode evaluates neither jose, nor the ESM loader, nor a server or prompt module', async () => {
    const loaded = await modulesLoadedBy(['decode', TOKEN]);
    for (const module of HEAVY) expect(loaded).not.toContain(module);
  });

  it('doctor without a secret, and explain, evaluate none of them either', async () => {
    for (const args of [['doctor', '--ignore-exp', TOKEN], ['explain', '3712'], ['explain', 'expired']]) {
      const loaded = await modulesLoadedBy(args);
      for (const module of HEAVY) expect(loaded, args.join(' ')).not.toContain(module);
    }
  });

  it('doctor with a secret brings up no server or prompt module', async () => {
    const loaded = await modulesLoadedBy(['doctor', '--ignore-exp', TOKEN], { ...MEETING_ENV });
    expect(loaded).toContain('NativeModule internal/crypto/webcrypto');
    for (const module of HEAVY.slice(1)) expect(loaded).not.toContain(module);
  });

  it('verify does bring up WebCrypto (jose ran), so the check above can fail', async () => {
    const loaded = await modulesLoadedBy(['verify', '--ignore-exp', TOKEN], { ...MEETING_ENV });
    expect(loaded).toContain('NativeModule internal/crypto/webcrypto');
    expect(loaded).not.toContain('NativeModule internal/modules/esm/loader');
    expect(loaded).not.toContain('NativeModule http');
  });
});
