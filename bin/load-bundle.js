'use strict';
/**
 * Loads the CLI bundle (dist/cli/zoomsig.cjs) as require() would, but through
 * vm.Script with V8's code cache (written at build time by
 * scripts/make-code-cache.cjs): V8 then skips compiling what the commands
 * use, a third of zoomsig's own start-up. Node 20 has no
 * module.enableCompileCache(). A cache made by another Node.js version, or
 * none at all, is simply not used. Nothing is written here.
 *
 * One cache per everyday command (dist/cli/zoomsig.<command>.cache), holding
 * the code that command runs and no more, and a general one
 * (dist/cli/zoomsig.cjs.cache) for everything else: V8 deserialises the whole
 * cache it is given, so decode given the general cache (459 KB, with jose,
 * generate and the smoke check) spent ~1 ms more deserialising it and ~2 ms
 * more in its run (3 to 4 ms of CPU time in all, the median of 21 runs,
 * this 2-core VM, Node 20). The first argument only picks the cache: the
 * bundle and what commander does with the arguments are the same whichever
 * cache is used, or none.
 */
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
// The CommonJS loader itself: require('node:module') would also bring up the ESM loader's modules.
const Module = module.constructor;

const BUNDLE = join(__dirname, '..', 'dist', 'cli', 'zoomsig.cjs');
/** The same bundle with its own names (no short ones), for DEBUG=zoomsig: stacks that say where. No cache. */
const DEBUG_BUNDLE = join(__dirname, '..', 'dist', 'cli', 'zoomsig.debug.cjs');
const GENERAL_CACHE = `${BUNDLE}.cache`;
/**
 * The commands with a cache of their own; "help" is --help, -h, help or
 * nothing at all. (doctor without a secret given a cache of its own, without
 * the forensics and jose, measured no faster: one cache for doctor.)
 */
const CACHED_COMMANDS = ['decode', 'doctor', 'verify', 'explain', 'generate', 'help'];

/** The cache for these command-line arguments: the first one's own, or the general one. */
function cacheFor(argv) {
  const first = argv[0];
  const name = first === undefined || first === '--help' || first === '-h' ? 'help' : first;
  return CACHED_COMMANDS.includes(name) ? join(dirname(BUNDLE), `zoomsig.${name}.cache`) : GENERAL_CACHE;
}

/** Whether DEBUG names zoomsig (as src/cli/main.ts reads it). */
function debugging(env) {
  return /(^|,)\s*zoomsig\s*(,|$)/.test(env.DEBUG ?? '');
}

/**
 * The bundle's exports, and its script (for the build to make a cache from).
 * `cache`: the code cache file to use, or false for none; `debug`: the bundle
 * with its names instead, without a cache.
 */
function loadBundle({ cache = GENERAL_CACHE, debug = false } = {}) {
  const file = debug ? DEBUG_BUNDLE : BUNDLE;
  let cachedData;
  if (cache && !debug) {
    try {
      cachedData = readFileSync(cache);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = Module._nodeModulePaths(dirname(file));
  bundle.loaded = true;
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, dirname(file));
  return { exports: bundle.exports, script };
}

module.exports = { loadBundle, debugging, cacheFor, CACHED_COMMANDS, GENERAL_CACHE };
