/** zoomsig doctor: every check, each problem explained with its fix. */
import { diagnoseToken } from '../../core/doctor.js';
import { parseJoinContext, type JoinContext } from '../../core/join-context.js';
import type { CommandInput } from '../commands.js';
import { formatOption } from '../common-options.js';
import { EXIT } from '../exit-codes.js';
import { readUserFile } from '../read-file.js';
import { readTokenInput } from '../read-token.js';
import { doctorFails, doctorGithub, doctorJson, doctorText } from '../render/doctor-report.js';
import { tokenOptions } from '../token-options.js';

export async function runDoctor(command: CommandInput): Promise<number> {
  const { values, positionals, io, output } = command;
  const format = formatOption(values, ['text', 'json', 'github']);
  const join = values.join === undefined ? undefined : readJoinFile(values.join);

  // The token: the argument, else the signature in the join() object, else standard input.
  const input =
    positionals.length === 0 && typeof join?.signature === 'string' && join.signature.trim() !== ''
      ? join.signature
      : await readTokenInput(positionals, io, 'doctor');

  // Credentials are optional here: without a secret the signature is reported unchecked.
  const { options } = tokenOptions(input, command);
  const diagnosis = await diagnoseToken(input, {
    ...options,
    ...(values.meeting !== undefined && { meeting: values.meeting }),
    ...(values.role !== undefined && { role: values.role }),
    ...(join !== undefined && { join }),
    ...(values.error !== undefined && { error: values.error }),
  });

  const view = { strict: values.strict === true, verbose: values.verbose === true };
  if (format === 'json') output.out(JSON.stringify(doctorJson(diagnosis), null, 2));
  else if (format === 'github') output.out(doctorGithub(diagnosis, view));
  else output.out(doctorText(diagnosis, view, output));
  return doctorFails(diagnosis, view.strict) ? EXIT.problem : EXIT.ok;
}

function readJoinFile(path: string): JoinContext {
  return parseJoinContext(readUserFile(path, 'the --join file', 'join'), `the --join file ${path}`);
}
