/**
 * Where a finding's explanation is: `zoomsig explain <id>`, which prints the
 * check's page, and the page itself, docs/checks/<id>.md, which ships in the
 * package. Both work offline. A web address is added only once package.json
 * names the project's real repository (test/core/docs-url.test.ts holds the
 * two together): a link to a repository that does not exist helps no one.
 */

/** The project's repository on the web; none until package.json's "repository" names it. */
export const PROJECT_URL: string | undefined = undefined;

/** How to read a check's page. */
export interface DocsRef {
  /** The command that prints the page: `zoomsig explain expired`. */
  command: string;
  /** The page's path inside the installed package: `docs/checks/expired.md`. */
  page: string;
  /** The page on the web, when the project has a known home. */
  url?: string;
}

/** A finding's (or a check's) docs fields: `docs` the command, `docsPage` the page, `docsUrl` once there is a home. */
export function docsFields(id: string, projectUrl: string | undefined = PROJECT_URL): { docs: string; docsPage: string; docsUrl?: string } {
  const { command, page, url } = docsRef(id, projectUrl);
  return { docs: command, docsPage: page, ...(url !== undefined && { docsUrl: url }) };
}

export function docsRef(id: string, projectUrl: string | undefined = PROJECT_URL): DocsRef {
  const page = `docs/checks/${id}.md`;
  return { command: `zoomsig explain ${id}`, page, ...(projectUrl !== undefined && { url: `${projectUrl}/blob/main/${page}` }) };
}
