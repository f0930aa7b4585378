/**
 * Start-up is a feature: decode, doctor and explain must not evaluate what they do not use. The
 * built CLI is one CommonJS bundle, so what a command "loads" shows in the
 * internal modules Node brings up for it (process.moduleLoadList) and, for
 * dependencies left out of the bundle, in require.cache.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cleanupTempDirs,
  type LoadedModules,
  makeTempDir,
  MEETING_ENV,
  meetingPayload,
  MODULE_RECORDER,
  PROMPT_LIBRARY,
  readLoadedModules,
  runCli,
  SECRET,
  signJwt,
} from './helpers.js';

const TOKEN = signJwt(meetingPayload(), SECRET);

async function modulesLoadedBy(args: string[], env: Record<string, string> = {}): Promise<LoadedModules & { stderr: string }> {
  const out = join(makeTempDir(), 'modules.json');
  const result = await runCli(args, { nodeArgs: ['--require', MODULE_RECORDER], env: { ...env, ZOOMSIG_TEST_MODULES_OUT: out } });
  return { ...readLoadedModules(out), stderr: result.stderr };
}

/** Internal modules that mean: node:crypto was loaded, the ESM loader started, a server or a prompt came up. */
const HEAVY = [
  'NativeModule crypto',
  'NativeModule internal/modules/esm/loader',
  'NativeModule http',
  'NativeModule readline',
];
/** What signing or checking a signature brings up: WebCrypto (jose's HMAC), with its streams. */
const WEBCRYPTO = 'NativeModule internal/crypto/webcrypto';

describe.concurrent('start-up', () => {
  afterAll(cleanupTempDirs);

  it('decode evaluates neither node:crypto, nor the ESM loader, nor a server or prompt module', async () => {
    const loaded = await modulesLoadedBy(['decode', TOKEN]);
    expect(loaded.stderr).toBe('');
    for (const module of HEAVY) expect(loaded.builtins).not.toContain(module);
  });

  it('decode, explain and doctor without a secret neither evaluate jose nor bring up WebCrypto', async () => {
    for (const args of [['decode', TOKEN], ['doctor', '--ignore-exp', TOKEN], ['explain', '3712']]) {
      const loaded = await modulesLoadedBy(args);
      expect(loaded.stderr, args[0]).toBe('');
      expect(loaded.builtins, args[0]).not.toContain(WEBCRYPTO);
      expect(loaded.fatalTextDecoders, args[0]).toBe(0);
    }
  });

  it('decode, explain and doctor print without setting up process.stdout or process.stdin (no streams: descriptor-output.ts)', async () => {
    for (const args of [['decode', TOKEN], ['explain', '3712'], ['doctor', '--ignore-exp', TOKEN]]) {
      const loaded = await modulesLoadedBy(args);
      expect(loaded.builtins, args[0]).not.toContain('NativeModule stream');
      expect(loaded.builtins, args[0]).not.toContain('NativeModule tty');
    }
  });

  it('doctor without a secret, and explain, evaluate none of them either', async () => {
    for (const args of [['doctor', '--ignore-exp', TOKEN], ['explain', '3712'], ['explain', 'expired']]) {
      const loaded = await modulesLoadedBy(args);
      expect(loaded.stderr, args.join(' ')).toBe('');
      for (const module of HEAVY) expect(loaded.builtins, args.join(' ')).not.toContain(module);
    }
  });

  it('doctor and verify with a secret, and generate, do evaluate jose and bring up WebCrypto, so the checks above can fail; and nothing else heavy', async () => {
    const runs = [
      ['doctor', '--ignore-exp', TOKEN],
      ['verify', '--ignore-exp', TOKEN],
      ['generate', '--native'],
    ];
    for (const args of runs) {
      const loaded = await modulesLoadedBy(args, { ...MEETING_ENV });
      expect(loaded.stderr, args[0]).toBe('');
      expect(loaded.builtins, args[0]).toContain(WEBCRYPTO);
      expect(loaded.fatalTextDecoders, args[0]).toBeGreaterThan(0);
      // The HMAC is WebCrypto's, through jose: node:crypto itself is never loaded.
      for (const module of HEAVY) expect(loaded.builtins, args[0]).not.toContain(module);
    }
  });

  it('check of the credentials brings up no server, no prompt and no ESM loader', async () => {
    const loaded = await modulesLoadedBy(['check', '--now', '2026-01-01T00:00:00Z'], { ...MEETING_ENV });
    expect(loaded.stderr).toBe('');
    for (const module of HEAVY.slice(1)) expect(loaded.builtins).not.toContain(module);
  });

  const noPrompts: [name: string, args: string[], env: Record<string, string>][] = [
    ['decode <token>', ['decode', TOKEN], {}],
    ['verify <token>', ['verify', '--ignore-exp', TOKEN], MEETING_ENV],
    ['doctor <token>', ['doctor', '--ignore-exp', TOKEN], MEETING_ENV],
    ['explain 3712', ['explain', '3712'], {}],
    ['generate with every value given', ['generate', '--meeting', '85746065012', '--role', '0'], MEETING_ENV],
    ['generate --native', ['generate', '--native'], MEETING_ENV],
    ['generate with values missing, without a terminal', ['generate'], {}],
  ];

  // test/cli/interactive.test.ts shows the same check does find the library when a question is asked.
  it.each(noPrompts)('%s loads neither readline nor the prompt library', async (_name, args, env) => {
    const loaded = await modulesLoadedBy(args, env);
    expect(loaded.builtins).not.toContain('NativeModule readline');
    expect(loaded.files.filter((file) => PROMPT_LIBRARY.test(file))).toEqual([]);
    expect(loaded.files.length).toBeGreaterThan(0);
  });
});

describe('bundles and V8 code caches (bin/zoomsig.js)', () => {
  afterAll(cleanupTempDirs);
  const root = fileURLToPath(new URL('../../', import.meta.url));

  it('each bundle has a cache, built with it and accepted by the Node.js that built it, and the first argument picks the bundle', () => {
    const script = `const l = require('./bin/zoomsig.js');
      const out = [undefined, ...l.OWN_BUNDLES].map((name) => [name ?? 'whole', l.loadBundle({ name }).script.cachedDataRejected]);
      const picks = ['--help', '-h', 'help', 'decode', 'serve', 'check', '--no-color', 'nonexistent', 'version'].map((first) => [first, l.bundleFor([first, 'x']) ?? 'whole']);
      process.stdout.write(JSON.stringify({ out, picks, none: l.bundleFor([]) }));`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      out: [
        ['whole', false],
        ['decode', false],
        ['doctor', false],
        ['verify', false],
        ['explain', false],
        ['generate', false],
        ['help', false],
      ],
      picks: [
        ['--help', 'help'],
        ['-h', 'help'],
        ['help', 'help'],
        ['decode', 'decode'],
        ['serve', 'whole'],
        ['check', 'whole'],
        ['--no-color', 'whole'],
        ['nonexistent', 'whole'],
        ['version', 'whole'],
      ],
      none: 'help',
    });
  });

  it("a command's own bundle holds no other command: running one there says so instead of running it", () => {
    const script = `const l = require('./bin/zoomsig.js');
      const { COMMANDS } = l.loadBundle({ name: 'help' }).exports;
      // version.js is the program's own (--version): in every bundle.
      const others = COMMANDS.filter((spec) => spec.name !== 'version');
      Promise.all(others.map((spec) => spec.load().then((run) => run({})).then(() => 'ran', (error) => error.message)))
        .then((messages) => process.stdout.write(JSON.stringify(messages)));`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const messages = JSON.parse(result.stdout) as string[];
    expect(messages).toHaveLength(9);
    for (const message of messages) expect(message).toMatch(/^zoomsig \w+ is not in dist\/cli\/zoomsig\.help\.cjs/);
  });

  it('each cache holds what a real run of its commands compiles: run as bin/zoomsig.js runs it, a command compiles next to nothing more', () => {
    // Made through stand-in streams, the caches left out the process I/O a real run uses, and
    // every run compiled it: decode's first run then grew its cache by 3.3 KB.
    const script = `const { readFileSync } = require('node:fs');
      const l = require('./bin/zoomsig.js');
      const { cacheRuns } = require('./scripts/make-code-cache.cjs');
      const name = process.argv[1];
      const { argv, env, exit } = cacheRuns(name)[0];
      const { exports: cli, script } = l.loadBundle({ name });
      const before = readFileSync(l.bundleFile(name) + '.cache').length;
      process.chdir(process.env.ZOOMSIG_EMPTY_DIR);
      process.env = env;
      cli.run(argv).then((code) => process.stderr.write(JSON.stringify({ code, exit, grown: script.createCachedData().length - before })));`;
    const { OWN_BUNDLES } = createRequire(import.meta.url)('../../bin/zoomsig.js') as { OWN_BUNDLES: string[] };
    for (const name of OWN_BUNDLES) {
      const result = spawnSync(process.execPath, ['-e', script, name], {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, ZOOMSIG_EMPTY_DIR: makeTempDir() },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const { code, exit, grown } = JSON.parse(result.stderr) as { code: number; exit: number; grown: number };
      expect(code, name).toBe(exit);
      expect(grown, name).toBeLessThan(512);
    }
  });

  it("hands the bundles its own require, which finds the prompt library left out of them as one in dist/cli would", () => {
    const resolve = (from: string): string => createRequire(join(root, from)).resolve('@inquirer/prompts');
    expect(resolve('bin/zoomsig.js')).toBe(resolve('dist/cli/zoomsig.cjs'));
  });

  it('is not needed: a missing or foreign cache is ignored and the CLI works the same', async () => {
    for (const cache of [undefined, 'not a V8 code cache']) {
      const copy = makeTempDir();
      cpSync(join(root, 'bin'), join(copy, 'bin'), { recursive: true });
      mkdirSync(join(copy, 'dist', 'cli'), { recursive: true });
      copyFileSync(join(root, 'dist', 'cli', 'zoomsig.decode.cjs'), join(copy, 'dist', 'cli', 'zoomsig.decode.cjs'));
      if (cache !== undefined) writeFileSync(join(copy, 'dist', 'cli', 'zoomsig.decode.cjs.cache'), cache);
      const result = spawnSync(process.execPath, [join(copy, 'bin', 'zoomsig.js'), 'decode', TOKEN], { encoding: 'utf8', env: { NO_COLOR: '1' } });
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^kind +Meeting SDK signature/);
    }
  });
});

describe('the build starts from an empty dist', () => {
  afterAll(cleanupTempDirs);
  const root = fileURLToPath(new URL('../../', import.meta.url));

  it('empties dist first (package.json "build"), so no output of a deleted source is packed', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.build).toMatch(/^node scripts\/clean-dist\.mjs && /);
    const copy = makeTempDir();
    mkdirSync(join(copy, 'scripts'));
    copyFileSync(join(root, 'scripts', 'clean-dist.mjs'), join(copy, 'scripts', 'clean-dist.mjs'));
    mkdirSync(join(copy, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(copy, 'dist', 'cli', 'gone.js'), '');
    writeFileSync(join(copy, 'kept.txt'), '');
    const result = spawnSync(process.execPath, [join(copy, 'scripts', 'clean-dist.mjs')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(existsSync(join(copy, 'dist'))).toBe(false);
    expect(existsSync(join(copy, 'kept.txt'))).toBe(true);
  });

  it('leaves in dist only what this build makes: every module there has its source', () => {
    const made = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? made(join(dir, entry.name)) : [join(dir, entry.name)],
      );
    const modules = made('dist').filter((file) => /\.(js|d\.ts)$/.test(file));
    expect(modules.length).toBeGreaterThan(0);
    const orphans = modules.filter((file) => !existsSync(join(root, file.replace(/^dist/, 'src').replace(/(\.d)?\.ts$|\.js$/, '.ts'))));
    expect(orphans).toEqual([]);
  });
});
