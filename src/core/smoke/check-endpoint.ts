/**
 * zoomsig check's endpoint mode, without the network: the exchanges with a
 * running auth endpoint (made by the command layer) in, counted findings
 * out. The endpoint checks look at every exchange; doctor judges the
 * signature of every reply that has one, at the time it arrived.
 */
import { runEach } from '../checks/run-checks.js';
import { diagnoseToken, type DoctorOptions } from '../doctor.js';
import { CHECK_IDS } from '../finding.js';
import { maskSecret } from '../mask.js';
import type { SecretRef } from '../signature-analysis.js';
import type { SecretInput } from '../verify.js';
import { ENDPOINT_CHECKS } from './registry.js';
import { readJson, signatureOf } from './replies.js';
import { diagnosisRun, joinTallies, type SmokeReportBase } from './report.js';
import { ENDPOINT_CHECK_IDS, type AnyCheckId, type EndpointProbe, type Exchange, type ExchangeContext, type HttpReply } from './smoke-check.js';
import { tally, type CountedFinding } from './tally.js';

/** What doctor compares each signature with, besides the body sent. */
export interface EndpointCheckOptions extends Pick<DoctorOptions, 'key' | 'keyLabel' | 'ignoreExp' | 'skewSeconds'> {
  /** The secrets to check the signatures with; none: they are reported unchecked. */
  secrets: SecretInput[];
  /** The clock of the run, Unix seconds (each signature is judged at the time its reply arrived). */
  now: number;
  /**
   * More values no message may quote, besides the secrets' (every secret the
   * caller knows of): masked in a reply's body before any of it is quoted or cut.
   */
  protect?: readonly string[];
}

export interface EndpointReport extends SmokeReportBase {
  mode: 'endpoint';
  probe: EndpointProbe;
  /** The POSTs with the sample's body: how many were sent, answered, with which statuses, how fast. */
  requests: { sent: number; replied: number; statuses: Record<string, number>; medianMs: number | null; maxMs: number | null };
  /** The signatures in the replies: how many, whether a secret checked them, how many verified, and with which secret. */
  signatures: { received: number; checked: boolean; valid: number; secret: SecretRef | null };
  /** Findings of the requests name them (1-based). */
  findings: (CountedFinding<AnyCheckId> & { requests?: number[] })[];
}

export async function checkEndpoint(exchanges: readonly Exchange[], probe: EndpointProbe, options: EndpointCheckOptions): Promise<EndpointReport> {
  const secrets = [...options.secrets.map((secret) => secret.value), ...(options.protect ?? [])];
  const contexts = exchanges.map((exchange) => contextOf(exchange, probe, secrets));
  const endpoint = tally(
    contexts.map((context) => ({ ...runEach(context, ENDPOINT_CHECKS), label: context.exchange.kind === 'post' ? context.exchange.number : undefined })),
    'requests',
    ENDPOINT_CHECK_IDS,
  );

  const { now: _now, protect: _protect, ...doctorOptions } = options;
  const runs = [];
  let valid = 0;
  let checked = false;
  let matched: SecretRef | undefined;
  for (const context of contexts) {
    const signature = context.exchange.kind === 'post' && context.reply ? signatureOf(context) : undefined;
    if (signature === undefined || context.reply === undefined) continue;
    const diagnosis = await diagnoseToken(signature, {
      ...doctorOptions,
      now: context.reply.at,
      sdk: probe.sdk,
      ...(probe.body.meetingNumber !== undefined && { meeting: probe.body.meetingNumber }),
      ...(probe.body.role !== undefined && { role: probe.body.role }),
    });
    if (diagnosis.signature.valid) valid += 1;
    checked ||= diagnosis.signature.checked;
    matched ??= diagnosis.signature.matched;
    runs.push(diagnosisRun(diagnosis, context.exchange.number));
  }
  const tokens = tally(runs, 'signatures', CHECK_IDS);

  const joined = joinTallies([
    { ...endpoint, findings: endpoint.findings.map(withRequests) },
    { ...tokens, findings: tokens.findings.map(withRequests) },
  ]);
  const posts = contexts.filter((context) => context.exchange.kind === 'post');
  const replies = posts.flatMap((context) => (context.reply ? [context.reply] : []));
  // A redirect and a reply too large to read are answers too: their statuses count.
  const answered = posts.flatMap(({ exchange: { outcome } }): { status: number }[] => {
    if (outcome.type === 'reply') return [outcome.reply];
    if (outcome.type === 'redirect') return [outcome.redirect];
    return outcome.type === 'too-large' ? [outcome.tooLarge] : [];
  });
  // The secret that verified them; with several given and none matching, the first.
  const [firstSecret] = options.secrets;
  const secret = matched ?? (firstSecret === undefined ? undefined : { label: firstSecret.label, masked: maskSecret(firstSecret.value) });
  return {
    mode: 'endpoint',
    ...joined,
    now: options.now,
    probe,
    requests: { sent: posts.length, replied: answered.length, statuses: statusCounts(answered), ...timing(replies) },
    signatures: {
      received: runs.length,
      checked,
      valid,
      secret: secret === undefined ? null : { label: secret.label, masked: secret.masked },
    },
  };
}

/** A finding with the numbers of the requests that showed it (none for the preflight and the request without Content-Type). */
function withRequests({ labels, ...finding }: CountedFinding<AnyCheckId> & { labels: readonly (number | undefined)[] }): EndpointReport['findings'][number] {
  const requests = labels.filter((label): label is number => label !== undefined);
  return requests.length > 0 ? { ...finding, requests } : finding;
}

function contextOf(exchange: Exchange, probe: EndpointProbe, secrets: readonly string[]): ExchangeContext {
  const reply = exchange.outcome.type === 'reply' ? exchange.outcome.reply : undefined;
  return { exchange, probe, reply, json: reply === undefined ? undefined : readJson(reply.body), secrets };
}

function statusCounts(replies: readonly Pick<HttpReply, 'status'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of replies) counts[String(status)] = (counts[String(status)] ?? 0) + 1;
  return counts;
}

function timing(replies: readonly HttpReply[]): { medianMs: number | null; maxMs: number | null } {
  const sorted = replies.map((reply) => reply.ms).sort((a, b) => a - b);
  if (sorted.length === 0) return { medianMs: null, maxMs: null };
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { medianMs: Math.round(median), maxMs: Math.round(sorted.at(-1) ?? 0) };
}
