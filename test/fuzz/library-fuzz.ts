/**
 * Every function src/index.ts exports, called with generated inputs: counts
 * of calls, exceptions (anything thrown that is not a ZoomsigError, the
 * documented way to refuse), results JSON.stringify cannot serialise, calls
 * over 50 ms, and tokens that verify without being an exact HS256 signature
 * of one of the secrets given (checked here, independently, with node:crypto).
 */
import fc from 'fast-check';
import type * as Library from '../../src/index.js';
import {
  anyText,
  claimValue,
  credentialsContext,
  credentialsOptions,
  doctorOptions,
  endpointArgs,
  headerObject,
  hmacBase64Url,
  jsonPayload,
  joinText,
  meetingInput,
  pasted,
  roleInput,
  secret,
  signatureOptions,
  signedJwt,
  verifyOptions,
} from './arbitraries.js';

export type Lib = typeof Library;

/** One exported function: how its arguments are made, and how it is called. */
interface Driver {
  args: fc.Arbitrary<readonly unknown[]>;
  call: (lib: Lib, args: readonly unknown[]) => unknown;
  /** Share of the inputs, relative to the others. */
  weight: number;
}

const ERROR_CODES = ['USAGE', 'INVALID_OPTION', 'MISSING_VALUE', 'UNREADABLE_INPUT', 'UNREACHABLE', 'INTERNAL'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const idLike = fc.oneof(fc.constantFrom('expired', 'malformed-token', 'cors-preflight', 'credential-quotes', '__proto__', 'constructor', 'toString', 'EXPIRED', ''), fc.string({ maxLength: 24 }));
const findings = fc.array(fc.record({ id: idLike, severity: fc.constantFrom(...SEVERITIES), message: fc.string({ maxLength: 30 }) }), { maxLength: 6 });
const tokenAndSecrets = fc.oneof(
  fc.tuple(pasted, verifyOptions),
  // A signed token and its own secret among those given: what verify must judge right.
  fc.tuple(signedJwt, verifyOptions).map(([{ token, secret: own }, options]) => [token, { ...options, secrets: [own] }] as unknown[]),
);

/* eslint-disable @typescript-eslint/no-explicit-any -- the drivers pass generated values of the documented shapes */
type AnyFn = (...args: any[]) => unknown;
const fn = (lib: Lib, name: keyof Lib): AnyFn => lib[name] as unknown as AnyFn;

export const DRIVERS: Record<string, Driver> = {
  decodeToken: { weight: 12, args: fc.tuple(pasted), call: (lib, [t]) => lib.decodeToken(t) },
  cleanInput: { weight: 6, args: fc.tuple(pasted), call: (lib, [t]) => lib.cleanInput(t as string) },
  verifyToken: { weight: 14, args: tokenAndSecrets, call: (lib, [t, o]) => fn(lib, 'verifyToken')(t, o) },
  diagnoseToken: { weight: 14, args: fc.tuple(pasted, doctorOptions), call: (lib, [t, o]) => fn(lib, 'diagnoseToken')(t, o) },
  generateSignature: { weight: 6, args: fc.tuple(signatureOptions), call: (lib, [o]) => fn(lib, 'generateSignature')(o) },
  signHs256: { weight: 3, args: fc.tuple(jsonPayload, fc.oneof(secret, fc.uint8Array({ maxLength: 40 }))), call: (lib, [p, s]) => fn(lib, 'signHs256')(p, s) },
  classifyJwt: {
    weight: 3,
    args: fc.tuple(fc.option(headerObject, { nil: undefined }), fc.option(fc.dictionary(fc.string({ maxLength: 10 }), claimValue), { nil: undefined })),
    call: (lib, [h, p]) => fn(lib, 'classifyJwt')(h, p),
  },
  checkById: { weight: 1, args: fc.tuple(idLike), call: (lib, [id]) => lib.checkById(id as string) },
  anyCheckById: { weight: 1, args: fc.tuple(idLike), call: (lib, [id]) => lib.anyCheckById(id as string) },
  smokeCheckById: { weight: 1, args: fc.tuple(idLike), call: (lib, [id]) => lib.smokeCheckById(id as string) },
  checkCredentials: { weight: 5, args: fc.tuple(credentialsContext, credentialsOptions), call: (lib, [c, o]) => fn(lib, 'checkCredentials')(c, o) },
  checkEndpoint: { weight: 5, args: endpointArgs, call: (lib, [e, p, o]) => fn(lib, 'checkEndpoint')(e, p, o) },
  parseJoinContext: { weight: 3, args: fc.tuple(joinText, fc.string({ maxLength: 12 })), call: (lib, [t, s]) => lib.parseJoinContext(t as string, s as string) },
  findErrorCode: { weight: 2, args: fc.tuple(fc.oneof(fc.constantFrom('3712', '200', 'jwttokenwrong', ' 124 ', '-3000'), anyText)), call: (lib, [t]) => lib.findErrorCode(t as string) },
  rankFindings: {
    weight: 2,
    args: fc.tuple(findings, fc.nat()),
    call: (lib, [f, n]) => fn(lib, 'rankFindings')(f, lib.ZOOM_ERROR_CODES[(n as number) % lib.ZOOM_ERROR_CODES.length]),
  },
  verdictOf: { weight: 1, args: fc.tuple(findings), call: (lib, [f]) => fn(lib, 'verdictOf')(f) },
  maskSecret: { weight: 2, args: fc.tuple(fc.oneof(secret, anyText, fc.uint8Array({ maxLength: 40 }))), call: (lib, [s]) => fn(lib, 'maskSecret')(s) },
  normaliseGeoRegions: { weight: 2, args: fc.tuple(fc.oneof(fc.constantFrom('US,DE', ' us , de ', ['US', 'DE']), fc.anything({ maxDepth: 2 }))), call: (lib, [v]) => lib.normaliseGeoRegions(v) },
  normaliseMeetingNumber: { weight: 2, args: fc.tuple(meetingInput), call: (lib, [m]) => fn(lib, 'normaliseMeetingNumber')(m) },
  normaliseRole: { weight: 2, args: fc.tuple(roleInput), call: (lib, [r]) => fn(lib, 'normaliseRole')(r) },
  ZoomsigError: {
    weight: 1,
    args: fc.tuple(fc.constantFrom(...ERROR_CODES), anyText, fc.option(anyText, { nil: undefined })),
    call: (lib, [c, m, s]) => new lib.ZoomsigError(c as (typeof ERROR_CODES)[number], m as string, s as string | undefined),
  },
  isZoomsigError: { weight: 1, args: fc.tuple(fc.oneof(fc.anything({ maxDepth: 2 }), fc.constant(new Error('x')))), call: (lib, [v]) => lib.isZoomsigError(v) },
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The exported functions (and classes) of the library, by name. */
export function exportedFunctions(lib: Lib): string[] {
  return Object.entries(lib)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => name)
    .sort();
}

export interface LibraryCounts {
  inputs: number;
  /** Per function: calls made. */
  calls: Record<string, number>;
  /** ZoomsigErrors: documented refusals, not failures. */
  refused: number;
  exceptions: number;
  nonSerialisable: number;
  slowCalls: number;
  /** A token verifyToken accepted that is not an exact HS256 signature of a secret given. */
  falseAccepts: number;
  /** The first few failures, to reproduce them. */
  examples: string[];
}

const SLOW_MS = 50;

/** Runs about `inputs` generated calls, shared among the drivers by weight, from `seed`. */
export async function fuzzLibrary(lib: Lib, { inputs, seed }: { inputs: number; seed: number }): Promise<LibraryCounts> {
  const counts: LibraryCounts = { inputs: 0, calls: {}, refused: 0, exceptions: 0, nonSerialisable: 0, slowCalls: 0, falseAccepts: 0, examples: [] };
  const missing = exportedFunctions(lib).filter((name) => !Object.hasOwn(DRIVERS, name));
  if (missing.length > 0) throw new Error(`no fuzz driver for ${missing.join(', ')}: add one to test/fuzz/library-fuzz.ts`);
  const totalWeight = Object.values(DRIVERS).reduce((sum, driver) => sum + driver.weight, 0);
  // Up to 10 failures, and up to 3 slow calls besides (timing is noise more often than a bug).
  let slowNoted = 0;
  const note = (what: string, name: string, args: readonly unknown[], detail: string): void => {
    if (what === 'slow call' && (slowNoted += 1) > 3) return;
    if (counts.examples.length < 13) counts.examples.push(`${what} in ${name}(${preview(args)}): ${detail}`);
  };

  let driverIndex = 0;
  for (const [name, driver] of Object.entries(DRIVERS)) {
    const runs = Math.max(1, Math.round((inputs * driver.weight) / totalWeight));
    // Batches keep memory flat: a few hundred generated values at a time.
    for (let done = 0; done < runs; done += 250) {
      const batch = fc.sample(driver.args, { numRuns: Math.min(250, runs - done), seed: seed + driverIndex * 1_000_003 + done });
      for (const args of batch) {
        counts.inputs += 1;
        counts.calls[name] = (counts.calls[name] ?? 0) + 1;
        const started = performance.now();
        let result: unknown;
        try {
          result = await driver.call(lib, args);
        } catch (error) {
          if (lib.isZoomsigError(error)) {
            counts.refused += 1;
          } else {
            counts.exceptions += 1;
            note('exception', name, args, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
          }
          continue;
        } finally {
          if (performance.now() - started > SLOW_MS) {
            counts.slowCalls += 1;
            note('slow call', name, args, `${(performance.now() - started).toFixed(0)} ms`);
          }
        }
        try {
          JSON.stringify(result);
        } catch (error) {
          counts.nonSerialisable += 1;
          note('non-serialisable result', name, args, error instanceof Error ? error.message : String(error));
        }
        if (name === 'verifyToken' && isAccepted(result) && !exactHs256(args[0] as string, args[1] as { secrets: unknown })) {
          counts.falseAccepts += 1;
          note('false accept', name, args, 'verified, but is not an exact HS256 signature of a secret given');
        }
      }
    }
    driverIndex += 1;
  }
  return counts;
}

function isAccepted(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === true;
}

/**
 * The independent oracle: three base64url parts, a header whose alg is
 * exactly "HS256", and a signature that is, character for character, the
 * base64url HMAC-SHA256 of the first two parts with one of the secrets.
 * (The token may be pasted with a wrapper; the bare token inside is judged.)
 */
function exactHs256(pastedText: string, options: { secrets: unknown }): boolean {
  const secrets = (Array.isArray(options.secrets) ? options.secrets : [options.secrets]).map((s: unknown) =>
    typeof s === 'string' ? s : (s as { value: string }).value,
  );
  const compact = pastedText.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
  const candidates = [...compact.matchAll(/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g)].flatMap(([match]) => [match, match.replace(/^Bearer/, '')]);
  return candidates.some((token) => {
    const [header = '', payload = '', mac = ''] = token.split('.');
    let alg: unknown;
    try {
      alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
    } catch {
      return false;
    }
    return alg === 'HS256' && secrets.some((s) => s !== '' && hmacBase64Url(s, `${header}.${payload}`) === mac);
  });
}

function preview(args: readonly unknown[]): string {
  let text: string;
  try {
    text = JSON.stringify(args, (_key, value: unknown) => (value instanceof Uint8Array ? `<${value.length} bytes>` : value)) ?? String(args);
  } catch {
    text = String(args);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
