/**
 * The explain view: a Zoom error code as its ranked causes and the checks
 * that look for each, or a check's page; the same content as
 * `zoomsig explain <code|check-id>`, from the same core tables and pages.
 */
import { ALL_CHECKS, anyCheckById } from '../core/all-checks.js';
import { docsRef } from '../core/docs-ref.js';
import { codesForCheck, findErrorCode, ZOOM_ERROR_CODES, type ZoomErrorCode } from '../core/error-codes.js';
import { checkPage } from './check-pages.js';
import { el, type Child } from './dom.js';
import { markdownToDom } from './markdown.js';

export interface Navigate {
  /** Show a check's page. */
  check(id: string): void;
  /** Explain a Zoom error code. */
  code(code: string): void;
  /** Check a token against a Zoom error code, in the doctor. */
  diagnose(code: string): void;
}

/** A check's page, as `zoomsig explain <id>` shows it; undefined for an id no check has. */
export function checkPageView(id: string, navigate: Navigate, headingLevel = 3): DocumentFragment | undefined {
  const check = anyCheckById(id);
  if (check === undefined) return undefined;
  const out = document.createDocumentFragment();
  const page = checkPage(check.id);
  if (page === undefined) {
    out.append(
      el(`h${headingLevel}` as 'h3', {}, check.id),
      el('p', { class: 'lede' }, `${check.severity} · ${check.group} · ${check.title}`),
      el('p', {}, `Fix: ${check.hint}`),
    );
  } else {
    out.append(markdownToDom(page, navigate.check, headingLevel));
  }
  const codes = codesForCheck(check.id);
  if (codes.length > 0) {
    out.append(el('p', {}, el('strong', {}, 'Zoom errors it explains: '), ...joinWith(codes.map((code) => codeButton(code, navigate)), ', ')));
  }
  out.append(el('p', { class: 'help' }, `Docs: ${docsRef(check.id).command}, or ${docsRef(check.id).page} in the zoomsig package`));
  return out;
}

/** What an error code or check id means, a sentence when it is neither, and every code and check when it is empty. */
export function explainView(subject: string, navigate: Navigate): HTMLElement {
  const text = subject.trim();
  if (text === '') return catalogueView(navigate);
  const entry = findErrorCode(text);
  if (entry) return codeView(entry, text.toUpperCase(), navigate);
  const page = checkPageView(text.toLowerCase(), navigate, 2);
  if (page) return el('article', { class: 'check-page', 'data-explained': text.toLowerCase() }, page);
  return el(
    'p',
    { class: 'notice', role: 'status' },
    `"${text}" is neither a Zoom error code nor a check id zoomsig knows. The list under the field holds every code.`,
  );
}

/** Every code and check zoomsig knows, as `zoomsig explain` with no argument lists them. */
function catalogueView(navigate: Navigate): HTMLElement {
  return el(
    'div',
    { class: 'catalogue' },
    el('h2', {}, 'Zoom error codes'),
    el(
      'ul',
      {},
      ...ZOOM_ERROR_CODES.map((entry) =>
        el('li', {}, ...joinWith(entry.codes.map((code) => codeButton(code, navigate)), ' / '), `: ${entry.meaning} (${entry.platform})`),
      ),
    ),
    el('h2', {}, 'Checks'),
    el('ul', {}, ...ALL_CHECKS.map((check) => el('li', {}, checkButton(check.id, navigate), ` ${check.severity} · ${check.title}`))),
  );
}

function codeView(entry: ZoomErrorCode, code: string, navigate: Navigate): HTMLElement {
  const aliases = entry.codes.filter((c) => c !== code);
  const causes = el('ol', { class: 'causes' });
  for (const cause of entry.causes) {
    const item = el('li', {}, el('p', {}, cause.cause));
    if (cause.checks.length > 0) {
      item.append(
        el('p', {}, el('span', { class: 'label ok' }, 'doctor checks: '), ...joinWith(cause.checks.map((id) => checkButton(id, navigate)), ', ')),
        el('p', {}, el('span', { class: 'label' }, 'fix: '), cause.fix),
      );
    } else {
      const asks = cause.asks ? ` doctor asks about it on a terminal (${cause.asks.join(', ')}).` : '';
      item.append(el('p', {}, el('span', { class: 'label warn' }, 'no token check can see this: '), `${cause.fix}${asks}`));
    }
    causes.append(item);
  }
  return el(
    'article',
    { class: 'code-page', 'data-explained': code },
    el('h2', {}, `Zoom error ${code}`, aliases.length > 0 ? ` (also ${aliases.join(', ')})` : ''),
    el('p', { class: 'lede' }, `${entry.platform}: ${entry.meaning}`),
    el('h3', {}, entry.causes.length > 1 ? 'Causes, most frequent first' : 'Cause'),
    causes,
    el('p', {}, diagnoseButton(code, navigate)),
  );
}

export function checkButton(id: string, navigate: Navigate): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link', 'data-check': id }, el('code', {}, id));
  button.addEventListener('click', () => navigate.check(id));
  return button;
}

function diagnoseButton(code: string, navigate: Navigate): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link' }, `Check your token against all of them (doctor with error ${code})`);
  button.addEventListener('click', () => navigate.diagnose(code));
  return button;
}

function codeButton(code: string, navigate: Navigate): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link', 'data-code': code }, code);
  button.addEventListener('click', () => navigate.code(code));
  return button;
}

function joinWith(items: readonly Child[], separator: string): Child[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [separator, item]));
}
