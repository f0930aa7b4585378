// Preloaded with --require: at exit, writes the internal modules Node loaded
// (process.moduleLoadList) to the file named by ZOOMSIG_TEST_MODULES_OUT.
'use strict';
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.ZOOMSIG_TEST_MODULES_OUT, JSON.stringify(process.moduleLoadList));
});
