/**
 * A check page's Markdown as DOM: headings, paragraphs, lists (numbered or
 * not), tables, quotes, code blocks, and inline code, bold and links. Enough for docs/checks/*.md, the
 * same pages `zoomsig explain <id>` prints. Text is set as text, never parsed
 * as HTML. A link to a sibling page (`expired.md`) opens that page here.
 */
import { el, type Child } from './dom.js';

export type OpenCheck = (id: string) => void;

export function markdownToDom(markdown: string, openCheck: OpenCheck, headingLevel = 3): DocumentFragment {
  const out = document.createDocumentFragment();
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: HTMLUListElement | HTMLOListElement | undefined;
  const flush = (): void => {
    if (paragraph.length > 0) out.append(el('p', {}, ...inline(paragraph.join(' '), openCheck)));
    paragraph = [];
    list = undefined;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const fence = /^\s*```(\w*)/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (index += 1; index < lines.length && !/^\s*```/.test(lines[index] ?? ''); index += 1) code.push(lines[index] ?? '');
      out.append(el('pre', {}, el('code', fence[1] ? { 'data-lang': fence[1] } : {}, code.join('\n'))));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(6, headingLevel + (heading[1]?.length ?? 1) - 1);
      out.append(el(`h${level}` as 'h3', {}, ...inline(heading[2] ?? '', openCheck)));
      continue;
    }
    if (/^\s*\|/.test(line)) {
      flush();
      const rows: string[][] = [];
      for (; index < lines.length && /^\s*\|/.test(lines[index] ?? ''); index += 1) {
        const cells = (lines[index] ?? '').trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
        if (!cells.every((cell) => /^:?-+:?$/.test(cell))) rows.push(cells);
      }
      index -= 1;
      const [head = [], ...body] = rows;
      out.append(
        el(
          'table',
          { class: 'md' },
          el('thead', {}, el('tr', {}, ...head.map((cell) => el('th', { scope: 'col' }, ...inline(cell, openCheck))))),
          el('tbody', {}, ...body.map((row) => el('tr', {}, ...row.map((cell) => el('td', {}, ...inline(cell, openCheck)))))),
        ),
      );
      continue;
    }
    const item = /^\s*([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      if (paragraph.length > 0) flush();
      const ordered = item[1] !== '-' && item[1] !== '*';
      if (list === undefined || (list.tagName === 'OL') !== ordered) {
        // A numbered list broken by a code block goes on with its own numbers.
        list = ordered ? el('ol', { start: String(Number.parseInt(item[1] ?? '1', 10)) }) : el('ul');
        out.append(list);
      }
      list.append(el('li', {}, ...inline(item[2] ?? '', openCheck)));
      continue;
    }
    const quote = /^>\s?(.*)$/.exec(line);
    if (quote) {
      flush();
      out.append(el('p', { class: 'lede' }, ...inline(quote[1] ?? '', openCheck)));
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    list = undefined;
    paragraph.push(line.trim());
  }
  flush();
  return out;
}

/** Inline code, bold, italics and links, left to right. */
function inline(text: string, openCheck: OpenCheck): Child[] {
  const parts: Child[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    last = at + match[0].length;
    const [, code, bold, label, href, italic] = match;
    if (code !== undefined) parts.push(el('code', {}, code));
    else if (bold !== undefined) parts.push(el('strong', {}, ...inline(bold, openCheck)));
    else if (italic !== undefined) parts.push(el('em', {}, italic));
    else if (label !== undefined && href !== undefined) parts.push(link(label, href, openCheck));
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function link(label: string, href: string, openCheck: OpenCheck): Child {
  const sibling = /^([a-z0-9-]+)\.md$/.exec(href);
  if (sibling) {
    const id = sibling[1] ?? '';
    const button = el('button', { type: 'button', class: 'link', 'data-check': id }, label);
    button.addEventListener('click', () => openCheck(id));
    return button;
  }
  if (/^https:\/\//.test(href)) return el('a', { href, rel: 'noreferrer noopener', target: '_blank' }, label);
  return `${label} (${href})`;
}
