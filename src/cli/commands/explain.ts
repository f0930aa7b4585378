/** zoomsig explain: a Zoom error code as a checklist, or a check id's page. */
import { ALL_CHECKS, anyCheckById } from '../../core/all-checks.js';
import type { CheckInfo } from '../../core/checks/check.js';
import { docsFields, docsRef } from '../../core/docs-ref.js';
import { codesForCheck, findErrorCode, ZOOM_ERROR_CODES, type ZoomErrorCode } from '../../core/error-codes.js';
import { ZoomsigError } from '../../core/errors.js';
import { checkPagePath, readCheckPage } from '../check-pages.js';
import type { CommandInput } from '../commands.js';
import { formatOption } from '../common-options.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../io.js';
import { markdownToText } from '../render/markdown.js';
import { nearest } from '../suggest.js';

export async function runExplain({ values, positionals, output }: CommandInput): Promise<number> {
  const format = formatOption(values);
  const subject = positionals[0]?.trim();
  if (subject === undefined || subject === '') {
    output.out(format === 'json' ? JSON.stringify(catalogueJson(), null, 2) : catalogueText(output));
    return EXIT.ok;
  }
  const entry = findErrorCode(subject);
  if (entry) {
    output.out(format === 'json' ? JSON.stringify(codeJson(entry, subject), null, 2) : codeText(entry, subject, output));
    return EXIT.ok;
  }
  const check = anyCheckById(subject.toLowerCase());
  if (check) {
    output.out(format === 'json' ? JSON.stringify(checkJson(check), null, 2) : checkText(check, output));
    return EXIT.ok;
  }
  throw new ZoomsigError('USAGE', unknownMessage(subject));
}

function unknownMessage(subject: string): string {
  const candidates = [...ZOOM_ERROR_CODES.flatMap((entry) => entry.codes), ...ALL_CHECKS.map((check) => check.id)];
  const near = nearest(subject, candidates);
  const suggestion = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
  // A pasted token (kilobytes) is not echoed whole.
  const shown = subject.length > 60 ? `${subject.slice(0, 40)}…` : subject;
  const token = /eyJ[\w-]*\.[\w-]*/.test(subject) ? ' To look into a token, run zoomsig doctor.' : '';
  return `"${shown}" is neither a Zoom error code nor a check id zoomsig knows.${suggestion}${token} "zoomsig explain" with no argument lists them all.`;
}

function codeText(entry: ZoomErrorCode, subject: string, output: Output): string {
  const code = subject.toUpperCase();
  const aliases = entry.codes.filter((c) => c !== code);
  const also = aliases.length > 0 ? ` (also ${aliases.join(', ')})` : '';
  const lines = [
    `${output.paint('bold', `Zoom error ${code}`)}${also}, ${entry.platform}: ${entry.meaning}`,
    ...(entry.serverMessage === undefined ? [] : [`The client's name for the server's message "${entry.serverMessage}"`]),
    ...(entry.note === undefined ? [] : [entry.note]),
    '',
    output.paint('bold', entry.causes.length > 1 ? 'Causes, most frequent first:' : 'Cause:'),
  ];
  const width = String(entry.causes.length).length;
  for (const [index, cause] of entry.causes.entries()) {
    const number = `${String(index + 1).padStart(width)}.`;
    const indent = ' '.repeat(number.length + 1);
    lines.push(`${number} ${cause.cause}`);
    if (cause.checks.length > 0) {
      lines.push(`${indent}${output.paint('green', 'doctor checks:')} ${cause.checks.join(', ')}`);
      lines.push(`${indent}${output.paint('dim', 'fix:')} ${cause.fix}`);
    } else {
      const asks = cause.asks ? ` doctor asks about it on a terminal (${cause.asks.join(', ')}).` : '';
      lines.push(`${indent}${output.paint('yellow', 'no token check can see this:')} ${cause.fix}${asks}`);
    }
  }
  lines.push('', `Check your token against all of them: zoomsig doctor "$TOKEN" --error ${code} --secret-file <file>`);
  return lines.join('\n');
}

function codeJson(entry: ZoomErrorCode, subject: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    type: 'error-code',
    code: subject.toUpperCase(),
    codes: entry.codes,
    platform: entry.platform,
    meaning: entry.meaning,
    serverMessage: entry.serverMessage ?? null,
    note: entry.note ?? null,
    causes: entry.causes.map(({ cause, checks, asks, fix }) => ({ cause, checks, asks: asks ?? [], fix, visibleInToken: checks.length > 0 })),
  };
}

function checkText(check: CheckInfo, output: Output): string {
  const page = readCheckPage(check.id);
  const body = page
    ? markdownToText(page, output)
    : [output.paint('bold', check.id), '', `${check.severity} · ${check.group} · ${check.title}`, '', `Fix: ${check.hint}`].join('\n');
  const codes = codesForCheck(check.id);
  const lines = [body, ''];
  if (codes.length > 0) lines.push(`${output.paint('bold', 'Zoom errors it explains:')} ${codes.join(', ')}`);
  const docs = docsRef(check.id);
  lines.push(`${output.paint('bold', 'Page:')} ${checkPagePath(check.id)}${docs.url === undefined ? '' : ` (${docs.url})`}`);
  return lines.join('\n');
}

function checkJson(check: CheckInfo): Record<string, unknown> {
  return {
    schemaVersion: 1,
    type: 'check',
    id: check.id,
    severity: check.severity,
    group: check.group,
    title: check.title,
    hint: check.hint,
    errorCodes: codesForCheck(check.id),
    ...docsFields(check.id),
    pageFile: checkPagePath(check.id),
    page: readCheckPage(check.id) ?? null,
  };
}

function catalogueText(output: Output): string {
  const codeWidth = Math.max(...ZOOM_ERROR_CODES.map((entry) => entry.codes.join('/').length));
  const idWidth = Math.max(...ALL_CHECKS.map((check) => check.id.length));
  return [
    output.paint('bold', 'Zoom error codes:'),
    ...ZOOM_ERROR_CODES.map((entry) => `  ${entry.codes.join('/').padEnd(codeWidth)}  ${entry.meaning}`),
    '',
    output.paint('bold', 'Checks:'),
    ...ALL_CHECKS.map((check) => `  ${check.id.padEnd(idWidth)}  ${check.severity.padEnd(7)}  ${check.title}`),
    '',
    'zoomsig explain <code|check-id> tells more.',
  ].join('\n');
}

function catalogueJson(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    type: 'catalogue',
    errorCodes: ZOOM_ERROR_CODES.map(({ codes, platform, meaning }) => ({ codes, platform, meaning })),
    checks: ALL_CHECKS.map(({ id, severity, group, title }) => ({ id, severity, group, title, ...docsFields(id) })),
  };
}
