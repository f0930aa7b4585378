/**
 * Commands run in-process at a pretend terminal, their questions answered by
 * a script: a Prompter that plays the answers and applies each question's
 * validation as the real prompt would. test/cli/interactive.test.ts does the
 * same through a real terminal with the real prompt library.
 */
import { PassThrough, Writable } from 'node:stream';
import { COMMANDS, type CommandInput } from '../../../src/cli/commands.js';
import { Environment } from '../../../src/cli/credentials.js';
import { Output, type Io } from '../../../src/cli/io.js';
import { parseCommandArgs } from '../../../src/cli/main.js';
import {
  PromptCancelled,
  type PasteQuestion,
  type Prompter,
  type PrompterLoader,
  type QuestionName,
  type SecretQuestion,
  type SelectQuestion,
  type TextQuestion,
} from '../../../src/cli/prompts/prompter.js';
import { makeTempDir, NOW } from '../helpers.js';

/** Answers by question name, in order; a refused answer is recorded and the next one is tried. */
export type Script = Partial<Record<QuestionName, string | string[]>>;
/** As an answer: the user gives up (Ctrl-C). */
export const CTRL_C = '\u0003';

export class ScriptedPrompter implements Prompter {
  readonly asked: QuestionName[] = [];
  readonly refused: { name: QuestionName; answer: string; message: string }[] = [];
  readonly choices: Partial<Record<QuestionName, string[]>> = {};
  private readonly queues: Map<QuestionName, string[]>;

  constructor(script: Script) {
    this.queues = new Map(Object.entries(script).map(([name, answers]) => [name as QuestionName, [answers ?? []].flat()]));
  }

  async text(question: TextQuestion): Promise<string> {
    return this.typed(question, question.default);
  }

  /** A paste as one answer (test/cli/interactive.test.ts pastes several lines at a real terminal). */
  async paste(question: PasteQuestion): Promise<string> {
    return this.text(question);
  }

  async secret(question: SecretQuestion): Promise<string> {
    return this.typed(question, undefined);
  }

  async select<V extends string>(question: SelectQuestion<V>): Promise<V> {
    this.asked.push(question.name);
    this.choices[question.name] = question.choices.map((choice) => choice.value);
    const answer = this.next(question.name);
    const choice = question.choices.find((c) => c.value === answer);
    if (choice === undefined) throw new Error(`"${answer}" is not a choice of ${question.name}`);
    return choice.value;
  }

  /** Like the real prompt: Enter on an empty line takes the default, and the question stays until validate says yes. */
  private typed(question: TextQuestion | SecretQuestion, fallback: string | undefined): string {
    this.asked.push(question.name);
    for (;;) {
      const typed = this.next(question.name);
      const answer = typed === '' && fallback !== undefined ? fallback : typed;
      const verdict = question.validate(answer);
      if (verdict === true) return answer;
      this.refused.push({ name: question.name, answer, message: verdict });
    }
  }

  private next(name: QuestionName): string {
    const answer = this.queues.get(name)?.shift();
    if (answer === undefined) throw new Error(`no answer scripted for the ${name} question`);
    if (answer === CTRL_C) throw new PromptCancelled();
    return answer;
  }
}

function capture(isTTY: boolean): { stream: Writable & { isTTY: boolean }; text: () => string } {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(String(chunk));
        callback();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => chunks.join('') };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  prompter: ScriptedPrompter;
  /** How many times the prompt library would have been loaded. */
  loads: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  script?: Script;
  /** At a terminal (default) or not. */
  tty?: boolean;
  cwd?: string;
}

/** A command's runner in-process with `argv` (after its name), at a terminal unless `tty` is false. */
export async function runWithScript(
  name: string,
  runner: (input: CommandInput, load: PrompterLoader) => Promise<number>,
  argv: string[],
  { env = {}, script = {}, tty = true, cwd = makeTempDir() }: RunOptions = {},
): Promise<Run> {
  const stdout = capture(tty);
  const stderr = capture(tty);
  const io: Io = {
    env,
    cwd,
    stdin: Object.assign(new PassThrough(), { isTTY: tty }),
    stdout: stdout.stream,
    stderr: stderr.stream,
    clock: () => new Date(NOW * 1000),
  };
  const prompter = new ScriptedPrompter(script);
  let loads = 0;
  const load: PrompterLoader = () => {
    loads += 1;
    return Promise.resolve(prompter);
  };
  const spec = COMMANDS.find((command) => command.name === name);
  if (spec === undefined) throw new Error(`no ${name} command`);
  const { values, positionals } = await parseCommandArgs(spec, argv);
  const output = new Output(io, { noColor: true });
  const code = await runner({ values, positionals, io, output, environment: new Environment(io) }, load);
  return { code, stdout: stdout.text(), stderr: stderr.text(), prompter, loads };
}
