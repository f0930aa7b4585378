// Preloaded with --require: at exit, writes what the process loaded to the
// file named by ZOOMSIG_TEST_MODULES_OUT: Node's internal modules
// (process.moduleLoadList) and the CommonJS files it required (require.cache).
'use strict';
process.on('exit', () => {
  const loaded = { builtins: process.moduleLoadList, files: Object.keys(require.cache) };
  require('node:fs').writeFileSync(process.env.ZOOMSIG_TEST_MODULES_OUT, JSON.stringify(loaded));
});
