#!/usr/bin/env node
'use strict';
// CommonJS on purpose (see bin/package.json and scripts/build-cli.mjs): start-up.
require('./load-bundle.js')
  .loadBundle()
  .exports.run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
