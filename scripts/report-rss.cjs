'use strict';
// Preloaded by scripts/bench-startup.mjs: the process's peak resident set size (KiB) on stderr at exit.
process.on('exit', () => require('node:fs').writeSync(2, `maxRSS ${process.resourceUsage().maxRSS}\n`));
