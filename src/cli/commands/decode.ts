/** zoomsig decode: what a pasted token is and holds. No secret needed. */
import { decodeToken } from '../../core/decode-token.js';
import { formatFindings } from '../../core/checks/run-checks.js';
import { TOKEN_KIND_LABELS } from '../../core/token-kind.js';
import type { CommandInput } from '../commands.js';
import { formatOption, nowOption } from '../common-options.js';
import { EXIT } from '../exit-codes.js';
import { readTokenInput } from '../read-token.js';
import { decodeJson, decodeText } from '../render/decode-report.js';
import { githubAnnotations } from '../render/findings.js';

export async function runDecode({ values, positionals, io, output }: CommandInput): Promise<number> {
  const format = formatOption(values);
  const now = nowOption(values, io);
  const input = await readTokenInput(positionals, io, 'decode');
  const decoded = decodeToken(input);
  if (format === 'json') output.out(JSON.stringify(decodeJson(decoded, now), null, 2));
  else if (format === 'github') output.out(githubAnnotations(formatFindings(decoded), `decoded: ${TOKEN_KIND_LABELS[decoded.kind]}.`));
  else output.out(decodeText(decoded, now, output));
  // Broken or unrecognisable input is a finding about the token, not a usage error.
  return decoded.kind === 'unrecognised' || decoded.problems.length > 0 ? EXIT.problem : EXIT.ok;
}
