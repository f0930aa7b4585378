/** zoomsig doctor: every check, each problem explained with its fix. */
import { tokenSdkOf } from '../../core/checks/run-checks.js';
import { diagnoseDecoded, type DoctorOptions } from '../../core/doctor.js';
import { normaliseMeetingNumber, normaliseRole } from '../../core/normalise.js';
import { ZoomsigError } from '../../core/errors.js';
import { parseJoinContext, type JoinContext } from '../../core/join-context.js';
import type { CommandInput } from '../commands.js';
import { formatOption } from '../common-options.js';
import { EXIT } from '../exit-codes.js';
import { askRefused, askSetup, askToken, questionsExplain } from '../prompts/doctor-questions.js';
import { loadInquirerPrompter } from '../prompts/inquirer-prompter.js';
import { canPrompt, PromptCancelled, type Prompter, type PrompterLoader } from '../prompts/prompter.js';
import { isStandardInput, JOIN_FILE, readUserFile } from '../read-file.js';
import { readPipedToken, readTokenInput } from '../read-token.js';
import { doctorFails, doctorGithub, doctorJson, doctorText } from '../render/doctor-report.js';
import { tokenOptions } from '../token-options.js';

export async function runDoctor(command: CommandInput, loadPrompter: PrompterLoader = loadInquirerPrompter): Promise<number> {
  const { values, positionals, io, output } = command;
  const format = formatOption(values);
  const join = values.join === undefined ? undefined : await readJoinFile(values.join, io);
  // Questions only for a person reading text: JSON and annotations stay machine-readable.
  // After `doctor -` at a terminal, standard input has ended (Ctrl-D): nothing more can be asked.
  const interactive = format === 'text' && canPrompt(io) && positionals[0] !== '-';
  let prompter: Prompter | undefined;
  const ask = async (): Promise<Prompter> => (prompter ??= await loadPrompter(io));

  try {
    // The token: what the user gave (the argument, -, or a pipe), else the signature in the
    // join() object, else a question. Given both, the token is checked and
    // join-signature-differs compares it with the join() object's.
    const fromJoin = typeof join?.signature === 'string' && join.signature.trim() !== '' ? join.signature : undefined;
    const input =
      positionals.length > 0
        ? await readTokenInput(positionals, io, 'doctor')
        : fromJoin !== undefined
          ? // A piped token counts as given, unless the pipe carried the join() object itself.
            (values.join !== undefined && isStandardInput(values.join) ? fromJoin : ((await readPipedToken(io)) ?? fromJoin))
          : interactive
            ? await askToken(await ask())
            : await readTokenInput(positionals, io, 'doctor');

    // The table of error codes is loaded only when one is given (see core/doctor.ts).
    const errorEntry = values.error === undefined ? undefined : (await import('../../core/error-codes.js')).findErrorCode(values.error);
    if (values.error !== undefined && errorEntry === undefined) {
      throw new ZoomsigError(
        'INVALID_OPTION',
        `--error takes a Zoom error code zoomsig knows (3712, 200, 3705, 124, JWTTOKENWRONG…); "${values.error}" is not one. "zoomsig explain" lists them.`,
        'error',
      );
    }
    // Credentials are optional here: without a secret the signature is reported unchecked.
    const { options, decoded } = tokenOptions(input, command);
    const doctorOptions: DoctorOptions = {
      ...options,
      // Read here, so that a value it cannot read is named by its flag.
      ...(values.meeting !== undefined && { meeting: normaliseMeetingNumber(values.meeting) }),
      ...(values.role !== undefined && { role: normaliseRole(values.role) }),
      ...(join !== undefined && { join }),
      ...(values.error !== undefined && { error: values.error }),
    };
    let diagnosis = await diagnoseDecoded(decoded, doctorOptions);

    // What no token can show, when the token checks out or Zoom's answer points there.
    if (interactive && (questionsExplain(errorEntry) || (diagnosis.verdict !== 'fail' && values.error === undefined))) {
      const asker = await ask();
      if (values.error !== undefined || (await askRefused(asker))) {
        const answers = await askSetup(asker, tokenSdkOf(diagnosis.decoded));
        diagnosis = await diagnoseDecoded(decoded, { ...doctorOptions, answers, error: values.error ?? '3712' });
      }
    }

    const view = { strict: values.strict === true, verbose: values.verbose === true };
    if (format === 'json') output.out(JSON.stringify(doctorJson(diagnosis), null, 2));
    else if (format === 'github') output.out(doctorGithub(diagnosis, view));
    else output.out(doctorText(diagnosis, view, output));
    return doctorFails(diagnosis, view.strict) ? EXIT.problem : EXIT.ok;
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    output.err('zoomsig: cancelled at a question; nothing was checked.');
    return EXIT.interrupted;
  }
}

async function readJoinFile(path: string, io: CommandInput['io']): Promise<JoinContext> {
  return parseJoinContext(await readUserFile(path, JOIN_FILE, io), `the --join file ${path}`);
}
