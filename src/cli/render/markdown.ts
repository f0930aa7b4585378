/**
 * Markdown as a terminal shows it: headings in bold, code blocks indented,
 * emphasis and link syntax taken off (a link keeps its text and, when it
 * goes somewhere else than a sibling page, its address). Enough for the check pages.
 */
import type { Output } from '../io.js';

export function markdownToText(markdown: string, output: Output): string {
  const lines: string[] = [];
  let inCode = false;
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*```/.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      lines.push(`    ${line}`);
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      lines.push(output.paint('bold', inline(heading[1] ?? '')));
      continue;
    }
    lines.push(inline(line.replace(/^>\s?/, '')));
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function inline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_match, label: string, href: string) =>
      /^[a-z0-9-]+\.md$/.test(href) ? label : `${label} (${href})`,
    )
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}
