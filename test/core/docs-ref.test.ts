/**
 * Findings point to `zoomsig explain <id>` and the page shipped in the
 * package; a web address only once package.json names the project's
 * repository, and then that one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docsRef, PROJECT_URL } from '../../src/core/docs-ref.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  repository?: string | { url?: string };
  files?: string[];
};
const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;

describe('docs references', () => {
  it('name the explain command and the page inside the package, which exists and ships', () => {
    expect(docsRef('expired')).toEqual({ command: 'zoomsig explain expired', page: 'docs/checks/expired.md' });
    expect(existsSync(new URL('../../docs/checks/expired.md', import.meta.url))).toBe(true);
    expect(pkg.files).toContain('docs');
  });

  it('carry a project URL only when package.json names the repository, and the same one', () => {
    if (repository === undefined) {
      expect(PROJECT_URL).toBeUndefined();
      expect(docsRef('expired').url).toBeUndefined();
    } else {
      expect(repository.replace(/^git\+/, '').replace(/\.git$/, '')).toBe(PROJECT_URL);
    }
  });

  it('build the page URL from a project URL', () => {
    expect(docsRef('expired', 'https://example.org/zoomsig').url).toBe('https://example.org/zoomsig/blob/main/docs/checks/expired.md');
  });
});
