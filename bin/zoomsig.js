#!/usr/bin/env node
'use strict';
// CommonJS on purpose (see bin/package.json and scripts/build-cli.mjs): start-up.
// The loader is in this file, not a module of its own, which took ~1 ms off
// every start: one file fewer to resolve, read and compile. The build and the
// tests require() this file for it (require.main is then not this module).
/**
 * Loads a CLI bundle as require() would, but through vm.Script with V8's
 * code cache (written at build time by scripts/make-code-cache.cjs): V8 then
 * skips compiling what the command uses. Node 20 has no
 * module.enableCompileCache(). A cache made by another Node.js version, or
 * none at all, is simply not used. Nothing is written here.
 *
 * One bundle per everyday command (dist/cli/zoomsig.<command>.cjs, built by
 * scripts/build-cli.mjs), holding that command's code and no other
 * command's, each with its own cache; and the whole program
 * (dist/cli/zoomsig.cjs) for everything else: the other commands, global
 * options before the command name, an unknown command. Every start reads,
 * deserialises and runs the top of the bundle it is given: decode's own
 * bundle is 147 KB instead of the whole 284 KB, and its cache 218 KB instead
 * of 287 KB, which took ~1.5 ms off decode and ~3 ms off doctor (medians of
 * 30 interleaved runs, this 2-core VM, Node 20; the README's performance
 * section). "help" is --help, -h, help or nothing at all: the program's help,
 * without any command's code.
 * The first argument picks the bundle: what commander then does with the
 * arguments is the same in every bundle, since each has the whole command
 * and option tables.
 */
const { readFileSync } = require('node:fs');
const { sep } = require('node:path');
const { Script } = require('node:vm');

// Paths put together by hand, not with path.join: its first call (and
// normalizeString's) cost ~0.08 ms of every start (in process, this VM).
// __dirname is this file's directory, absolute and normalised: its parent
// holds dist/.
const DIR = `${__dirname.slice(0, __dirname.lastIndexOf(sep))}${sep}dist${sep}cli`;
/** The whole program, for what has no bundle of its own. */
const WHOLE = `${DIR}${sep}zoomsig.cjs`;
/** The whole program with its own names (no short ones), for DEBUG=zoomsig: stacks that say where. No cache. */
const DEBUG_BUNDLE = `${DIR}${sep}zoomsig.debug.cjs`;
/**
 * The commands with a bundle of their own. (doctor without a secret given a
 * bundle of its own, without the forensics and jose, measured no faster:
 * one bundle for doctor.)
 */
const OWN_BUNDLES = ['decode', 'doctor', 'verify', 'explain', 'generate', 'help'];

/** The name of the bundle for these command-line arguments: the first one's own, or undefined for the whole program. */
function bundleFor(argv) {
  const first = argv[0];
  const name = first === undefined || first === '--help' || first === '-h' ? 'help' : first;
  return OWN_BUNDLES.includes(name) ? name : undefined;
}

/** The file of the bundle so named (undefined: the whole program). */
function bundleFile(name) {
  return name === undefined ? WHOLE : `${DIR}${sep}zoomsig.${name}.cjs`;
}

/** Whether DEBUG names zoomsig (as src/cli/main.ts reads it). */
function debugging(env) {
  return env.DEBUG !== undefined && /(^|,)\s*zoomsig\s*(,|$)/.test(env.DEBUG);
}

/**
 * The bundle's exports, and its script (for the build to make a cache from).
 * `name`: the bundle (bundleFor); `cache`: false to load it without its code
 * cache; `debug`: the whole program with its names instead, without a cache.
 */
function loadBundle({ name, cache = true, debug = false } = {}) {
  const file = debug ? DEBUG_BUNDLE : bundleFile(name);
  let cachedData;
  if (cache && !debug) {
    try {
      cachedData = readFileSync(`${file}.cache`);
    } catch {
      cachedData = undefined;
    }
  }
  // latin1: the bundles are ASCII (esbuild escapes the rest), and a one-byte string needs no UTF-8 decoding.
  // Read as bytes and then made a string: readFileSync(file, 'latin1') first checks the encoding's
  // name (Buffer.isEncoding), whose first run costs ~0.13 ms (medians of 15 runs, this VM) and
  // 0.3 million instructions of every command (scripts/bench-instructions.mjs).
  // The build wrote the bundle already wrapped as Module.wrap would (scripts/build-cli.mjs).
  const script = new Script(readFileSync(file).toString('latin1'), { filename: file, cachedData });
  // The bundle require()s only Node's own modules and @inquirer/prompts, which
  // this file's require finds as one in dist/cli would (both climb to the
  // package's node_modules), and uses only module.exports: no Module of its
  // own, nor Module.createRequire: 0.12 ms of every start (median of 4 runs
  // in process, this VM), 0.5% of decode's instructions.
  const bundle = { exports: {} };
  script.runInThisContext().call(bundle.exports, bundle.exports, require, bundle, file, DIR);
  return { exports: bundle.exports, script };
}

module.exports = { loadBundle, debugging, bundleFor, bundleFile, OWN_BUNDLES };

if (require.main === module) {
  const argv = process.argv.slice(2);
  loadBundle({ name: bundleFor(argv), debug: debugging(process.env) })
    .exports.run(argv)
    .then((code) => {
      process.exitCode = code;
      // Ctrl-C at a question: gone at once, whatever was typed after it (the
      // prompt library can leave standard input reading, which keeps Node alive).
      if (code === 130) process.exit(code);
    });
}
