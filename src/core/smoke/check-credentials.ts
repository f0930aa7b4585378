/**
 * zoomsig check's credentials mode, without the process: the credential
 * checks over what was found, then a token made with each SDK's key and
 * secret and judged by doctor with that secret. The clock is passed in.
 */
import { runEach } from '../checks/run-checks.js';
import { diagnoseToken } from '../doctor.js';
import { CHECK_IDS, type Verdict } from '../finding.js';
import { generateSignature } from '../generate.js';
import { maskSecret } from '../mask.js';
import { normaliseRole } from '../normalise.js';
import { CREDENTIAL_CHECKS } from './registry.js';
import { diagnosisRun, joinTallies, singleRun, type SmokeReportBase } from './report.js';
import type { AnyCheckId, CredentialsContext, CredentialValue, Sdk } from './smoke-check.js';
import { tally, type CountedFinding } from './tally.js';

/** The meeting number, session name and role the test tokens are made for, unless told otherwise. */
export const CHECK_DEFAULTS = { meeting: '85746065012', topic: 'zoomsig-check', role: 0 } as const;

export interface CredentialsCheckOptions {
  /** The clock, Unix seconds: tokens are made and judged at it. */
  now: number;
  meeting?: string | undefined;
  role?: string | number | undefined;
  topic?: string | undefined;
}

/** Where a key or secret came from, and its mask. */
export interface CredentialRef {
  source: string;
  masked: string;
}

export interface SdkCredentialsResult {
  sdk: Sdk;
  key: CredentialRef | null;
  secret: CredentialRef | null;
  /** doctor's verdict on a token made with them, and whether it verified with the secret; null without both halves. */
  token: { verdict: Verdict; valid: boolean } | null;
}

export interface CredentialsReport extends SmokeReportBase {
  mode: 'credentials';
  sdks: SdkCredentialsResult[];
  /** Findings of the token checks name the SDKs whose token showed them. */
  findings: (CountedFinding<AnyCheckId> & { sdks?: Sdk[] })[];
}

export async function checkCredentials(context: CredentialsContext, options: CredentialsCheckOptions): Promise<CredentialsReport> {
  const credentials = singleRun(runEach(context, CREDENTIAL_CHECKS), 'credentials');
  const sdks: SdkCredentialsResult[] = [];
  const runs = [];
  for (const { sdk, key, secret } of context.sdks) {
    const result: SdkCredentialsResult = { sdk, key: refOf(key), secret: refOf(secret), token: null };
    sdks.push(result);
    if (key === undefined || secret === undefined) continue;
    const diagnosis = await diagnoseToken(await makeToken(sdk, key.value, secret.value, options), {
      now: options.now,
      secrets: [{ label: secret.source, value: secret.value }],
      key: key.value,
      keyLabel: key.source,
      sdk,
      ...(sdk === 'meeting' && { meeting: options.meeting ?? CHECK_DEFAULTS.meeting }),
      role: options.role ?? CHECK_DEFAULTS.role,
    });
    result.token = { verdict: diagnosis.verdict, valid: diagnosis.signature.valid };
    runs.push(diagnosisRun(diagnosis, sdk));
  }
  const tokens = tally(runs, 'signatures', CHECK_IDS);
  const joined = joinTallies<CredentialsReport['findings'][number]>([
    credentials,
    { ...tokens, findings: tokens.findings.map(({ labels, ...finding }) => ({ ...finding, sdks: labels })) },
  ]);
  return { mode: 'credentials', ...joined, now: options.now, sdks };
}

async function makeToken(sdk: Sdk, key: string, secret: string, options: CredentialsCheckOptions): Promise<string> {
  const role = normaliseRole(options.role ?? CHECK_DEFAULTS.role);
  const generated = await (sdk === 'video'
    ? generateSignature({ sdk: 'video', key, secret, now: options.now, topic: options.topic ?? CHECK_DEFAULTS.topic, role })
    : generateSignature({ sdk: 'meeting', key, secret, now: options.now, meetingNumber: options.meeting ?? CHECK_DEFAULTS.meeting, role }));
  return generated.signature;
}

function refOf(value: CredentialValue | undefined): CredentialRef | null {
  return value === undefined ? null : { source: value.source, masked: maskSecret(value.value) };
}
