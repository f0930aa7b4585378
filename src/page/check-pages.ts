/** docs/checks/<id>.md, embedded at build time by scripts/build-page.mjs: the pages `zoomsig explain <id>` prints. */
declare const __CHECK_PAGES__: Readonly<Record<string, string>>;

export function checkPage(id: string): string | undefined {
  return Object.hasOwn(__CHECK_PAGES__, id) ? __CHECK_PAGES__[id] : undefined;
}
