// Preloaded with --require: at exit, writes the process's peak resident set
// size in bytes (getrusage's ru_maxrss, through process.resourceUsage) to the
// file named by ZOOMSIG_TEST_MEMORY_OUT.
'use strict';
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.ZOOMSIG_TEST_MEMORY_OUT, String(process.resourceUsage().maxRSS * 1024));
});
