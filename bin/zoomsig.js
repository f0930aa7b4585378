#!/usr/bin/env node
'use strict';
// CommonJS on purpose (see bin/package.json and scripts/build-cli.mjs): start-up.
require('../dist/cli/zoomsig.cjs')
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
