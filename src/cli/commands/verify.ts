/** zoomsig verify: would Zoom accept this signature, with this secret? */
import { ZoomsigError } from '../../core/errors.js';
import { isoFromSeconds } from '../../core/time.js';
import { TOKEN_KIND_LABELS } from '../../core/token-kind.js';
import { verifyDecoded, type VerifyResult } from '../../core/verify.js';
import type { CommandInput } from '../commands.js';
import { formatOption } from '../common-options.js';
import { envNames, missingMessage } from '../credentials.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../io.js';
import { readTokenInput } from '../read-token.js';
import { fieldLine } from '../render/field-line.js';
import { findingLines, githubAnnotations, TIME_NOT_JUDGED, verdictFails } from '../render/findings.js';
import { tokenOptions } from '../token-options.js';

export async function runVerify(command: CommandInput): Promise<number> {
  const { values, positionals, io, output, environment: env } = command;
  const format = formatOption(values);
  const input = await readTokenInput(positionals, io, 'verify');
  const { options, sdk, decoded } = tokenOptions(input, command);
  if (options.secrets.length === 0) {
    const what = `The ${sdk === 'video' ? 'Video' : 'Meeting'} SDK secret to verify with`;
    throw new ZoomsigError('MISSING_VALUE', missingMessage(what, '--secret-file (or --secret)', envNames(sdk).secret, env), 'secret');
  }
  const { now } = options;
  const result = await verifyDecoded(decoded, options);

  const failed = !result.ok || verdictFails(result.verdict, values.strict === true);
  if (format === 'json') output.out(JSON.stringify(verifyJson(result, now), null, 2));
  else if (format === 'github') output.out(githubAnnotations(result.findings, verdictSentence(result), result.timeJudged ? [] : [TIME_NOT_JUDGED]));
  else output.out(verifyText(result, now, values.strict === true, output));
  return failed ? EXIT.problem : EXIT.ok;
}

function verifyJson(result: VerifyResult, now: number): Record<string, unknown> {
  return {
    schemaVersion: 1,
    kind: result.kind,
    verdict: result.verdict,
    accepted: result.ok,
    signature: {
      checked: result.signature.checked,
      valid: result.signature.valid,
      secret: result.signature.secret ? { label: result.signature.secret.label, masked: result.signature.secret.masked } : null,
    },
    header: result.decoded.header ?? null,
    payload: result.decoded.payload ?? null,
    findings: result.findings,
    timeJudged: result.timeJudged,
    now: isoFromSeconds(now),
  };
}

function verifyText(result: VerifyResult, now: number, strict: boolean, output: Output): string {
  const lines: string[] = [fieldLine(output, 'kind', TOKEN_KIND_LABELS[result.kind])];
  const { signature } = result;
  if (signature.secret) {
    const mark = signature.valid ? output.paint('green', '✓') : output.paint('yellow', '!');
    const suffix = signature.valid ? '' : ' (but the token is not encoded as Zoom requires)';
    lines.push(fieldLine(output, 'signature', `${mark} matches ${signature.secret.label} (${signature.secret.masked})${suffix}`));
  } else if (signature.checked) {
    lines.push(fieldLine(output, 'signature', `${output.paint('red', '✗')} does not match`));
  } else if (signature.unreadable !== undefined) {
    lines.push(fieldLine(output, 'signature', `not checked: ${signature.unreadable}`));
  } else {
    lines.push(fieldLine(output, 'signature', 'not checked: this token is not signed with a secret of yours'));
  }
  if (result.findings.length > 0) lines.push('', ...findingLines(result.findings, output));
  lines.push('', verdictLine(result, now, strict, output));
  if (!result.timeJudged) lines.push(`${output.paint('yellow', '!')} ${TIME_NOT_JUDGED}`);
  return lines.join('\n');
}

function verdictSentence(result: VerifyResult): string {
  return result.ok ? 'Zoom would accept this signature.' : 'Zoom would reject this signature.';
}

function verdictLine(result: VerifyResult, now: number, strict: boolean, output: Output): string {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const at = `checked at ${isoFromSeconds(now) ?? now}`;
  if (!result.ok) {
    const count = errors > 0 ? `${errors} problem${errors === 1 ? '' : 's'}` : 'the signature could not be checked';
    return `${output.paint('red', '✗ Zoom would reject this signature')}: ${count} (${at}).`;
  }
  if (warnings > 0) {
    const text = `${warnings} warning${warnings === 1 ? '' : 's'}${strict ? ', which fail with --strict' : ''}`;
    return `${output.paint(strict ? 'red' : 'yellow', strict ? '✗ Accepted by Zoom, but' : '✓ Zoom would accept this signature, with')} ${text} (${at}).`;
  }
  return `${output.paint('green', '✓ Zoom would accept this signature')} (${at}).`;
}
