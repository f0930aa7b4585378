/**
 * The check pages, docs/checks/<id>.md, as shipped in the package. This file
 * sits in dist/cli/ both as tsc builds it and inside the bundle, so the
 * package root is two levels up from it either way.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function checkPagePath(id: string): string {
  return fileURLToPath(new URL(`../../docs/checks/${id}.md`, import.meta.url));
}

/** The page's Markdown, or undefined when the package ships without it. */
export function readCheckPage(id: string): string | undefined {
  try {
    return readFileSync(checkPagePath(id), 'utf8');
  } catch {
    return undefined;
  }
}
