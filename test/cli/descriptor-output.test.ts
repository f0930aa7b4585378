import { spawn, spawnSync } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { descriptorInput, descriptorOutput, isTerminal, terminalByLink } from '../../src/cli/descriptor-output.js';
import { BIN, cleanupTempDirs, makeTempDir } from './helpers.js';

afterAll(cleanupTempDirs);

interface FakeStream {
  /** What the stand-in for process.stdout was asked to write. */
  written: string[];
  /** How many times the real stream was asked for. */
  opens: number;
  factory: () => NodeJS.WriteStream;
}

/** A stand-in for process.stdout: a terminal, 100 columns wide, that records its writes. */
function fakeStream(): FakeStream {
  const fake: FakeStream = { written: [], opens: 0, factory: () => stream };
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        fake.written.push(chunk.toString());
        callback();
      },
    }),
    { isTTY: true, columns: 100 },
  ) as unknown as NodeJS.WriteStream;
  fake.factory = () => {
    fake.opens += 1;
    return stream;
  };
  return fake;
}

describe('descriptorOutput', () => {
  it('writes straight to the descriptor and makes no stream for write() and isTTY', () => {
    const file = join(makeTempDir(), 'out.txt');
    const fd = openSync(file, 'w');
    const fake = fakeStream();
    const output = descriptorOutput(fd, fake.factory);
    output.write('kind  Meeting SDK signature\n');
    output.write(Buffer.from('é ✓\n'));
    expect(output.isTTY).toBe(false);
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('kind  Meeting SDK signature\né ✓\n');
    expect(fake.opens).toBe(0);
  });

  it('makes the real stream when something needs more than write(), and writes through it from then on', () => {
    const file = join(makeTempDir(), 'out.txt');
    const fd = openSync(file, 'w');
    const fake = fakeStream();
    const output = descriptorOutput(fd, fake.factory);
    output.write('before\n');
    expect(output.columns).toBe(100);
    expect(typeof output.on).toBe('function');
    output.write('after\n');
    closeSync(fd);
    expect(fake.opens).toBe(1);
    expect(output.isTTY).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('before\n');
    expect(fake.written).toEqual(['after\n']);
  });

  it('answers isTTY for standard input from the descriptor, and makes the stream only to read it', () => {
    const fd = openSync(join(makeTempDir({ 'in.txt': 'eyJ…' }), 'in.txt'), 'r');
    let opens = 0;
    const real = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream;
    const input = descriptorInput(fd, () => {
      opens += 1;
      return real;
    });
    expect(input.isTTY).toBe(false);
    expect(opens).toBe(0);
    expect(typeof input.on).toBe('function');
    expect(input instanceof PassThrough).toBe(true);
    expect(opens).toBe(1);
    closeSync(fd);
  });

  it('stops quietly when the reader goes away (zoomsig … | head -1)', async () => {
    const child = spawn(process.execPath, [BIN, 'explain'], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first chunk, then close the pipe while zoomsig may still be writing.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('isTerminal', () => {
  it.each([
    ['pipe:[4213]', false],
    ['socket:[98]', false],
    ['/dev/null', false],
    ['/dev/pts/3', true],
    ['/home/me/out.txt', undefined],
    ['/dev/tty1', undefined],
    ['/dev/zero', undefined],
    [undefined, undefined],
  ])('reads %s as %s (undefined: ask fstat)', (link, answer) => {
    expect(terminalByLink(link)).toBe(answer);
  });

  it.runIf(process.platform === 'linux')('answers as fstat does for a pipe, /dev/null and a file', () => {
    const dir = makeTempDir();
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    writeFileSync(join(dir, 'file'), '');
    for (const path of [fifo, '/dev/null', join(dir, 'file')]) {
      const fd = openSync(path, 'r+');
      try {
        const stat = fstatSync(fd);
        const byFstat = stat.isCharacterDevice() && stat.rdev !== statSync('/dev/null').rdev;
        expect(isTerminal(fd, () => ({}))).toBe(byFstat);
        expect(byFstat).toBe(false);
      } finally {
        closeSync(fd);
      }
    }
  });
});
