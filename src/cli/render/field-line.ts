/** A report row: a bold label, then its text in a column shared by every report. */
import type { Output } from '../io.js';

/** Long enough for the longest row label, "signature". */
const LABEL_WIDTH = 9;

export function fieldLine(output: Output, label: string, text: string): string {
  return `${output.paint('bold', label)}${' '.repeat(Math.max(LABEL_WIDTH - label.length, 0) + 2)}${text}`;
}
