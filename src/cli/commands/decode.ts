/** zoomsig decode: what a pasted token is and holds. No secret needed. */
import { decodeToken } from '../../core/decode-token.js';
import { verdictOf } from '../../core/finding.js';
import { TOKEN_KIND_LABELS } from '../../core/token-kind.js';
import type { CommandInput } from '../commands.js';
import { formatOption, nowOption } from '../common-options.js';
import { EXIT } from '../exit-codes.js';
import { readTokenInput } from '../read-token.js';
import { decodeFindings, decodeJson, decodeText } from '../render/decode-report.js';
import { githubAnnotations, verdictFails } from '../render/findings.js';

export async function runDecode({ values, positionals, io, output }: CommandInput): Promise<number> {
  const format = formatOption(values);
  const now = nowOption(values, io);
  const input = await readTokenInput(positionals, io, 'decode');
  const decoded = decodeToken(input);
  // One list of findings for every format, and the exit code from it: broken or
  // unrecognisable input is a finding about the token (exit 1), not a usage error.
  const findings = decodeFindings(decoded);
  if (format === 'json') output.out(JSON.stringify(decodeJson(decoded, findings, now), null, 2));
  else if (format === 'github') output.out(githubAnnotations(findings, `decoded: ${TOKEN_KIND_LABELS[decoded.kind]}.`));
  else output.out(decodeText(decoded, findings, now, output));
  return verdictFails(verdictOf(findings), false) ? EXIT.problem : EXIT.ok;
}
