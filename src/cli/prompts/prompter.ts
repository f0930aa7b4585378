/**
 * The three kinds of question zoomsig asks, as an interface: the real one is
 * @inquirer/prompts (inquirer-prompter.ts, loaded only when a question is
 * really shown); tests inject scripted answers instead.
 */
import type { OptionName } from '../options.js';
import type { Io } from '../io.js';

/** Returns true when the answer is acceptable, else the sentence to show under it. */
export type Validate = (answer: string) => true | string;

/** doctor's questions about what no token can show, and the pasted token. */
export type SetupQuestionName = 'token' | 'refused' | 'app-type' | 'meeting-owner' | 'published' | 'intent' | 'zak' | 'platform' | 'sdk-version';

export type QuestionName = OptionName | SetupQuestionName;

interface Question {
  /** The option the question stands for (its answer is what that flag would have said), or a doctor question. */
  name: QuestionName;
  message: string;
}

export interface TextQuestion extends Question {
  default?: string;
  validate: Validate;
}

/** A paste of one or more lines: read until `complete` says the text is whole, or an empty line. */
export interface PasteQuestion extends Question {
  complete: (text: string) => boolean;
  validate: Validate;
}

export interface SecretQuestion extends Question {
  validate: Validate;
}

export interface Choice<V extends string> {
  value: V;
  name: string;
  description?: string;
}

export interface SelectQuestion<V extends string> extends Question {
  choices: readonly Choice<V>[];
}

export interface Prompter {
  text(question: TextQuestion): Promise<string>;
  /** Hidden input: what is typed is never drawn on the screen. */
  secret(question: SecretQuestion): Promise<string>;
  select<V extends string>(question: SelectQuestion<V>): Promise<V>;
  /** Lines as the terminal delivers them (a multi-line paste whole), until the text is complete or a line is empty. */
  paste(question: PasteQuestion): Promise<string>;
}

export type PrompterLoader = (io: Io) => Promise<Prompter>;

/** Thrown by a prompter when the user gives up (Ctrl-C, Ctrl-D, the terminal closed). */
export class PromptCancelled extends Error {
  constructor() {
    super('cancelled at a prompt');
    this.name = 'PromptCancelled';
  }
}

/**
 * Questions only when a person is there to answer: standard input and
 * standard output are both terminals, and this is not CI (some CI runners
 * give a terminal nobody types into).
 */
export function canPrompt(io: Io): boolean {
  const ci = io.env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  return io.stdin.isTTY === true && io.stdout.isTTY === true;
}
