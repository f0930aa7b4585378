/**
 * zoomsig check: the CI smoke check. Without --endpoint, the credentials of
 * each SDK configured (hygiene, and a token made with them that doctor
 * accepts); with --endpoint, a running auth endpoint called as the web
 * sample calls it, every reply judged and the findings counted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ZoomsigError } from '../../core/errors.js';
import { normaliseMeetingNumber, normaliseRole } from '../../core/normalise.js';
import { checkCredentials, CHECK_DEFAULTS } from '../../core/smoke/check-credentials.js';
import { checkEndpoint } from '../../core/smoke/check-endpoint.js';
import type { EndpointProbe } from '../../core/smoke/smoke-check.js';
import { toUnixSeconds } from '../../core/time.js';
import type { CommandInput } from '../commands.js';
import { formatOption, nowOption, sdkOption, skewOption } from '../common-options.js';
import { credentialsContext, noCredentialsError } from '../credentials-context.js';
import { resolveKey, resolveSecrets, type Sdk } from '../credentials.js';
import { exchangeWithEndpoint } from '../endpoint-client.js';
import { EXIT } from '../exit-codes.js';
import { COUNT_LIMITS, parseCount, parseMaxReply, parseTimeout, type OptionValues } from '../options.js';
import { checkFails, checkGithub, checkJson, checkText, type CheckReport } from '../render/check-report.js';
import { junitXml } from '../render/junit.js';

const DEFAULT_ORIGIN = 'http://localhost:3000';
const ENDPOINT_ONLY = ['requests', 'concurrency', 'timeout', 'origin', 'max-reply', 'follow-redirects'] as const;

export async function runCheck(command: CommandInput): Promise<number> {
  const { values, output } = command;
  const format = formatOption(values);
  const started = performance.now();
  const sdk = sdkOption(values);
  if (values.topic !== undefined && sdk !== 'video') throw new ZoomsigError('USAGE', '--topic is for the Video SDK: add --sdk video.');
  if (values.meeting !== undefined && sdk === 'video') throw new ZoomsigError('USAGE', '--meeting is for the Meeting SDK; a Video SDK check takes --topic.');

  let report: CheckReport;
  if (values.endpoint === undefined) {
    const given = ENDPOINT_ONLY.find((name) => values[name] !== undefined);
    if (given !== undefined) throw new ZoomsigError('USAGE', `--${given} is for an endpoint: add --endpoint <url>.`);
    report = await credentialsReport(command, sdk);
  } else {
    report = await endpointReport(command, endpointUrl(values.endpoint), sdk ?? 'meeting');
  }

  const strict = values.strict === true;
  if (values.junit !== undefined) writeJunit(values.junit, output.redact(junitXml(report, strict, (performance.now() - started) / 1000)));
  if (format === 'json') output.out(JSON.stringify(checkJson(report), null, 2));
  else if (format === 'github') output.out(checkGithub(report, strict));
  else output.out(checkText(report, strict, output));
  return checkFails(report, strict) ? EXIT.problem : EXIT.ok;
}

/** Credentials mode: each SDK configured, or the one --sdk names. */
async function credentialsReport({ values, io, output, environment }: CommandInput, only: Sdk | undefined): Promise<CheckReport> {
  const sdks: Sdk[] = only === undefined ? ['meeting', 'video'] : [only];
  const context = credentialsContext(values, environment, sdks, only ?? 'meeting', output);
  const configured = context.sdks.filter((found) => found.key !== undefined || found.secret !== undefined);
  if (configured.length === 0) throw noCredentialsError(context);
  return checkCredentials(
    { ...context, sdks: configured },
    { now: nowOption(values, io), meeting: meetingOption(values), role: roleOption(values), topic: values.topic },
  );
}

/** Endpoint mode: the sample's request --requests times, the preflight and the request without Content-Type. */
async function endpointReport({ values, io, output, environment }: CommandInput, endpoint: URL, endpointSdk: Sdk): Promise<CheckReport> {
  const fixedNow = values.now === undefined ? undefined : nowOption(values, io);
  const role = roleOption(values);
  const body: EndpointProbe['body'] =
    endpointSdk === 'video' ? { sessionName: values.topic ?? CHECK_DEFAULTS.topic, role } : { meetingNumber: meetingOption(values), role };
  const probe: EndpointProbe = { url: endpoint.href, sdk: endpointSdk, body, origin: originOption(values, endpoint), timeoutMs: timeoutOption(values) };
  const requests = countOption(values, 'requests');
  const secrets = resolveSecrets(values, environment, endpointSdk, output);
  const key = resolveKey(values, environment, endpointSdk);
  const skewSeconds = skewOption(values);
  const clock = (): number => fixedNow ?? toUnixSeconds(io.clock());
  const exchanges = await exchangeWithEndpoint({
    probe,
    requests,
    concurrency: Math.min(countOption(values, 'concurrency'), requests),
    maxReplyBytes: maxReplyOption(values),
    followRedirects: values['follow-redirects'] === true,
    clock,
  });
  return checkEndpoint(exchanges, probe, {
    now: clock(),
    secrets,
    protect: output.protectedValues(),
    ...(key !== undefined && { key: key.value, keyLabel: key.source }),
    ...(values['ignore-exp'] && { ignoreExp: true }),
    ...(skewSeconds !== undefined && { skewSeconds }),
  });
}

function meetingOption(values: OptionValues): string {
  return values.meeting === undefined ? CHECK_DEFAULTS.meeting : normaliseMeetingNumber(values.meeting);
}

function roleOption(values: OptionValues): 0 | 1 {
  return values.role === undefined ? CHECK_DEFAULTS.role : normaliseRole(values.role);
}

function endpointUrl(text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text.trim());
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ZoomsigError('INVALID_OPTION', `--endpoint takes an http or https URL such as http://localhost:4000/; got "${text}".`, 'endpoint');
  }
  return url;
}

/** The page's origin; undefined when it is the endpoint's own (no CORS then). */
function originOption(values: OptionValues, endpoint: URL): string | undefined {
  const text = values.origin ?? DEFAULT_ORIGIN;
  let origin: string;
  try {
    origin = new URL(text.trim()).origin;
  } catch {
    origin = 'null';
  }
  if (origin === 'null') throw new ZoomsigError('INVALID_OPTION', `--origin takes the page's origin, such as https://app.example.com; got "${text}".`, 'origin');
  return origin === endpoint.origin ? undefined : origin;
}

function countOption(values: OptionValues, name: keyof typeof COUNT_LIMITS): number {
  const raw = values[name];
  return raw === undefined ? COUNT_LIMITS[name].fallback : parseCount(raw, name);
}

/** --timeout in milliseconds (default 5 s). */
function timeoutOption(values: OptionValues): number {
  return values.timeout === undefined ? 5_000 : parseTimeout(values.timeout);
}

/** --max-reply in bytes (default 64 KiB). */
function maxReplyOption(values: OptionValues): number {
  return values['max-reply'] === undefined ? 64 * 1024 : parseMaxReply(values['max-reply']);
}

function writeJunit(path: string, xml: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, xml);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new ZoomsigError('UNREADABLE_INPUT', `cannot write the JUnit report to ${path} (${reason}).`, 'junit');
  }
}
