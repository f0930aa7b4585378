/**
 * The bounded slice of the fuzz suite that `npm test` runs: a few thousand
 * generated inputs through every exported library function (src/index.ts),
 * and a few dozen argv / stdin combinations through the built CLI, with a
 * fixed seed. Any exception, non-serialisable result, false accept, stray
 * exit code, stack trace or internal error fails it. `npm run fuzz` runs the
 * same suite at full size (100,000 and 1,000) with a new seed each time.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { fuzzCli, ownOptions } from './cli-fuzz.js';
import { DRIVERS, exportedFunctions, fuzzLibrary } from './library-fuzz.js';

const SEED = 20_260_101;
const BIN = fileURLToPath(new URL('../../bin/zoomsig.js', import.meta.url));

describe('fuzz (bounded slice, seed 20260101)', () => {
  it('has a driver for every exported function, and no driver for a function that is gone', () => {
    expect(Object.keys(DRIVERS).sort()).toEqual(exportedFunctions(lib));
  });

  it("gives a generated command name that is an object's own property name no options, instead of crashing", () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) expect(ownOptions(name)).toEqual([]);
    expect(ownOptions('doctor')).toContain('secret');
  });

  it('3,000 library inputs: no exception, every result serialises, nothing verifies that is not an exact HS256 HMAC', async () => {
    const counts = await fuzzLibrary(lib, { inputs: 3_000, seed: SEED });
    expect(counts.inputs).toBeGreaterThanOrEqual(2_990);
    for (const name of Object.keys(DRIVERS)) expect(counts.calls[name], name).toBeGreaterThan(0);
    expect(counts.examples.filter((example) => !example.startsWith('slow call'))).toEqual([]);
    expect({ exceptions: counts.exceptions, nonSerialisable: counts.nonSerialisable, falseAccepts: counts.falseAccepts }).toEqual({
      exceptions: 0,
      nonSerialisable: 0,
      falseAccepts: 0,
    });
  }, 60_000);

  it('24 CLI runs: exit codes 0, 1 or 2 only, no stack trace, no internal error', async () => {
    const counts = await fuzzCli(BIN, { runs: 24, seed: SEED });
    expect(counts.runs).toBe(24);
    expect(counts.examples).toEqual([]);
    expect({ stray: counts.strayExitCodes, stackTraces: counts.stackTraces, internalErrors: counts.internalErrors }).toEqual({ stray: 0, stackTraces: 0, internalErrors: 0 });
  }, 60_000);
});
