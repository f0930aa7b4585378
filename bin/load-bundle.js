'use strict';
/**
 * Loads the CLI bundle (dist/cli/zoomsig.cjs) as require() would, but through
 * vm.Script with V8's code cache (dist/cli/zoomsig.cjs.cache, written at build
 * time by scripts/make-code-cache.cjs): V8 then skips compiling what the
 * commands use, a third of zoomsig's own start-up. Node 20 has no
 * module.enableCompileCache(). A cache made by another Node.js version, or
 * none at all, is simply not used. Nothing is written here.
 */
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
// The CommonJS loader itself: require('node:module') would also bring up the ESM loader's modules.
const Module = module.constructor;

const BUNDLE = join(__dirname, '..', 'dist', 'cli', 'zoomsig.cjs');
const CACHE = `${BUNDLE}.cache`;

/** The bundle's exports, and its script (for the build to make the cache from). */
function loadBundle({ useCache = true } = {}) {
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(CACHE);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = Module._nodeModulePaths(dirname(BUNDLE));
  bundle.loaded = true;
  script
    .runInThisContext()
    .call(bundle.exports, bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, dirname(BUNDLE));
  return { exports: bundle.exports, script, cache: CACHE };
}

module.exports = { loadBundle };
