/**
 * The core runs anywhere: the library (src/index.ts, everything in src/core/)
 * bundled by esbuild for the browser platform imports no Node.js module and
 * names none of Node's globals, and that bundle, run where Buffer, process and
 * the other Node globals have been deleted, generates a signature that its own
 * doctor accepts and node:crypto (here, in the test) verifies.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, makeTempDir } from '../cli/helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const NODE_GLOBALS = ['Buffer', 'process', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate', 'clearImmediate'];
/** What each Node global is replaced with in the bundle, so that any reference to one shows. */
const marker = (name: string): string => `__zoomsig_node_global_${name}`;

const KEY = 'FakeClientId0123456789';
const SECRET = 'FakeClientSecret0123456789abcdef';
const NOW = 1_767_225_600;

/** Records every import of a Node.js module and refuses it. */
function refuseNodeModules(seen: string[]): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'refuse-node-modules',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (!args.path.startsWith('node:') && !builtins.has(args.path.split('/')[0] ?? '')) return undefined;
        seen.push(`${args.path} (imported by ${args.importer.replace(root, '')})`);
        return { errors: [{ text: `${args.path} is a Node.js module: the core must not import it` }] };
      });
    },
  };
}

async function bundleCore(outfile: string): Promise<{ nodeImports: string[]; errors: string[] }> {
  const nodeImports: string[] = [];
  const define = Object.fromEntries(NODE_GLOBALS.flatMap((name) => [[name, marker(name)], [`globalThis.${name}`, marker(name)]]));
  try {
    await build({
      absWorkingDir: root,
      entryPoints: ['src/index.ts'],
      outfile,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      define,
      plugins: [refuseNodeModules(nodeImports)],
      logLevel: 'silent',
    });
    return { nodeImports, errors: [] };
  } catch (error) {
    const errors = (error as { errors?: { text: string }[] }).errors?.map((e) => e.text) ?? [String(error)];
    return { nodeImports, errors };
  }
}

/** Runs `script` as an ES module after deleting Node's globals; its stdout is JSON. */
function runWithoutNodeGlobals(dir: string, script: string): { status: number | null; stdout: string; stderr: string } {
  const runner = join(dir, 'runner.mjs');
  writeFileSync(
    runner,
    [
      `for (const name of ${JSON.stringify(NODE_GLOBALS)}) delete globalThis[name];`,
      `if (typeof Buffer !== 'undefined' || typeof process !== 'undefined') throw new Error('Node globals still there');`,
      script,
    ].join('\n'),
  );
  const result = spawnSync(process.execPath, [runner], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the core, bundled for the browser', () => {
  let dir: string;
  let bundled: { nodeImports: string[]; errors: string[] };
  let code: string;

  beforeAll(async () => {
    dir = makeTempDir();
    bundled = await bundleCore(join(dir, 'zoomsig-core.mjs'));
    code = bundled.errors.length === 0 ? readFileSync(join(dir, 'zoomsig-core.mjs'), 'utf8') : '';
  });
  afterAll(cleanupTempDirs);

  it('bundles with no node: import (nor a bare built-in name)', () => {
    expect(bundled.nodeImports).toEqual([]);
    expect(bundled.errors).toEqual([]);
    expect(code).not.toMatch(/\bfrom\s*["'](node:|crypto["'])/);
  });

  it('names no Node global: Buffer, process, require, __dirname…', () => {
    expect(code.length).toBeGreaterThan(10_000);
    expect(NODE_GLOBALS.filter((name) => code.includes(marker(name)))).toEqual([]);
  });

  it('the check above can fail: a reference to Buffer is replaced by its marker', async () => {
    const probe = join(dir, 'probe.ts');
    writeFileSync(probe, "export const bytes = (s: string) => Buffer.from(s); export const env = () => globalThis.process?.env;\n");
    const define = Object.fromEntries(NODE_GLOBALS.flatMap((name) => [[name, marker(name)], [`globalThis.${name}`, marker(name)]]));
    const out = await build({ entryPoints: [probe], bundle: true, platform: 'browser', format: 'esm', define, write: false, logLevel: 'silent' });
    const text = out.outputFiles[0]?.text ?? '';
    expect(text).toContain(marker('Buffer'));
    expect(text).toContain(marker('process'));
  });

  it('generates a signature that its own doctor accepts and node:crypto verifies, with no Node global', () => {
    const result = runWithoutNodeGlobals(
      dir,
      `
      import { generateSignature, diagnoseToken, decodeToken, signHs256 } from './zoomsig-core.mjs';
      const generated = await generateSignature({ key: ${JSON.stringify(KEY)}, secret: ${JSON.stringify(SECRET)}, now: ${NOW}, meetingNumber: '85746065012', role: 0 });
      const options = { now: ${NOW}, key: ${JSON.stringify(KEY)}, sdk: 'meeting', meeting: '85746065012', role: 0 };
      const right = await diagnoseToken(generated.signature, { ...options, secrets: [${JSON.stringify(SECRET)}] });
      const newline = await diagnoseToken(generated.signature, { ...options, secrets: [${JSON.stringify(`${SECRET}\n`)}] });
      const video = await generateSignature({ sdk: 'video', key: ${JSON.stringify(KEY)}, secret: ${JSON.stringify(SECRET)}, now: ${NOW}, topic: 'room' });
      const videoDiagnosis = await diagnoseToken(video.signature, { now: ${NOW}, sdk: 'video', secrets: [${JSON.stringify(SECRET)}] });
      console.log(JSON.stringify({
        token: generated.signature,
        verdict: right.verdict,
        valid: right.signature.valid,
        findings: right.findings.map((f) => f.id),
        kind: decodeToken(generated.signature).kind,
        newline: { valid: newline.signature.valid, diagnosis: newline.signature.diagnosis?.id, ids: newline.findings.map((f) => f.id) },
        video: { token: video.signature, verdict: videoDiagnosis.verdict, valid: videoDiagnosis.signature.valid },
        signed: await signHs256({ a: 1 }, ${JSON.stringify(SECRET)}),
      }));
      `,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as {
      token: string;
      verdict: string;
      valid: boolean;
      findings: string[];
      kind: string;
      newline: { valid: boolean; diagnosis: string; ids: string[] };
      video: { token: string; verdict: string; valid: boolean };
      signed: string;
    };
    expect(out).toMatchObject({ verdict: 'ok', valid: true, findings: [], kind: 'meeting-sdk' });
    expect(out.newline).toEqual({ valid: false, diagnosis: 'secret-whitespace', ids: ['signature-invalid', 'secret-whitespace'] });
    expect(out.video).toMatchObject({ verdict: 'ok', valid: true });
    for (const token of [out.token, out.video.token, out.signed]) {
      const [header = '', payload = '', mac] = token.split('.');
      expect(mac).toBe(createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'));
      expect(Buffer.from(header, 'base64url').toString()).toBe('{"alg":"HS256","typ":"JWT"}');
    }
    expect(Buffer.from(out.signed.split('.')[1] ?? '', 'base64url').toString()).toBe('{"a":1}');
  });
});
