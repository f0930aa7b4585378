/**
 * Where each check's page is published. One place to change when the
 * repository moves; the same pages ship in the package under docs/checks/.
 */
export const DOCS_BASE_URL = 'https://github.com/zoomsig/zoomsig/blob/main/docs/checks/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
