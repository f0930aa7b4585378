/**
 * The Prompter on top of @inquirer/prompts. The library is imported here, on
 * the first question, never at start-up: the esbuild bundle leaves it
 * external and turns this import() into a require() (scripts/build-cli.mjs).
 */
import type { Io } from '../io.js';
import { PromptCancelled, type PasteQuestion, type Prompter, type PrompterLoader } from './prompter.js';

type Context = { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal };

export const loadInquirerPrompter: PrompterLoader = async (io: Io): Promise<Prompter> => {
  const { input, password, select } = await import('@inquirer/prompts');
  return {
    text: (question) =>
      ask(io, (context) =>
        input({ message: question.message, default: question.default, validate: question.validate }, context),
      ),
    secret: (question) =>
      ask(io, (context) => password({ message: question.message, mask: '*', validate: question.validate }, context)),
    select: (question) =>
      ask(io, (context) => select({ message: question.message, choices: question.choices }, context)),
    paste: (question) => readPaste(io, question),
  };
};

/**
 * A paste, read line by line as the terminal's own line editing delivers it
 * (not the prompt library's one-line input, which submits at the first
 * newline of a paste and drops the rest): a pretty-printed JSON reply or a
 * token wrapped over two lines arrives whole. Ends when the text is complete,
 * at an empty line, or (Ctrl-D, nothing pasted) cancelled. Ctrl-C is the
 * terminal's SIGINT: the process ends at once with 130.
 */
async function readPaste(io: Io, question: PasteQuestion): Promise<string> {
  const { createInterface } = await import('node:readline');
  io.stdout.write(`${question.message}\n`);
  const lines = createInterface({ input: io.stdin, terminal: false, crlfDelay: Infinity });
  const pasted: string[] = [];
  try {
    for await (const line of lines) {
      if (pasted.length === 0 && line.trim() === '') continue;
      pasted.push(line);
      const text = pasted.join('\n');
      if (line.trim() !== '' && !question.complete(text)) continue;
      const verdict = question.validate(text);
      if (verdict === true) return text;
      io.stdout.write(`${verdict}\n`);
      pasted.length = 0;
    }
  } finally {
    lines.close();
  }
  throw new PromptCancelled();
}

/**
 * Runs one prompt, drawn on stdout (a terminal, or no prompt is shown: see
 * canPrompt). Ctrl-C becomes PromptCancelled. Ctrl-D closes the prompt's
 * readline without settling it: Node runs out of work, and @inquirer rejects
 * only from its exit hook, when the process is already on its way out. So the
 * prompt is aborted on 'beforeExit', while there is still time to say so and
 * set the exit code; that too becomes PromptCancelled.
 */
async function ask<T>(io: Io, prompt: (context: Context) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  process.once('beforeExit', abort);
  try {
    return await prompt({ input: io.stdin, output: io.stdout, signal: controller.signal });
  } catch (error) {
    if (error instanceof Error && CANCELLED.has(error.name)) throw new PromptCancelled();
    throw error;
  } finally {
    process.removeListener('beforeExit', abort);
  }
}

/** The errors @inquirer/core rejects with when a prompt does not get its answer. */
const CANCELLED = new Set(['ExitPromptError', 'AbortPromptError', 'CancelPromptError']);
