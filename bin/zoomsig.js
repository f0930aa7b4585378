#!/usr/bin/env node
'use strict';
// CommonJS on purpose (see bin/package.json and scripts/build-cli.mjs): start-up.
const { loadBundle, cacheFor, debugging } = require('./load-bundle.js');

const argv = process.argv.slice(2);
loadBundle({ cache: cacheFor(argv), debug: debugging(process.env) })
  .exports.run(argv)
  .then((code) => {
    process.exitCode = code;
    // Ctrl-C at a question: gone at once, whatever was typed after it (the
    // prompt library can leave standard input reading, which keeps Node alive).
    if (code === 130) process.exit(code);
  });
