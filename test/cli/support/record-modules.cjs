// Preloaded with --require: at exit, writes what the process loaded to the
// file named by ZOOMSIG_TEST_MODULES_OUT: Node's internal modules
// (process.moduleLoadList), the CommonJS files it required (require.cache),
// and how many TextDecoders were made with { fatal: true }: jose makes one
// when its module is evaluated (lib/buffer_utils.js) and zoomsig makes none,
// which shows whether the jose bundled into the CLI was evaluated.
'use strict';
let fatalTextDecoders = 0;
const { TextDecoder } = globalThis;
globalThis.TextDecoder = class extends TextDecoder {
  constructor(label, options) {
    super(label, options);
    if (options?.fatal) fatalTextDecoders += 1;
  }
};
process.on('exit', () => {
  const loaded = { builtins: process.moduleLoadList, files: Object.keys(require.cache), fatalTextDecoders };
  require('node:fs').writeFileSync(process.env.ZOOMSIG_TEST_MODULES_OUT, JSON.stringify(loaded));
});
