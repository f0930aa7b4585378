/**
 * The page's inputs in the URL fragment (`#token=…&meeting=…`), which a
 * browser never sends to any server. A secret is never written: a field
 * that holds it is left out.
 */
import type { TabName } from './tabs.js';

export interface PageState {
  tab?: TabName;
  token?: string;
  key?: string;
  meeting?: string;
  role?: string;
  sdk?: string;
  error?: string;
  now?: string;
  verbose?: boolean;
  explain?: string;
}

const TEXT_FIELDS = ['token', 'key', 'meeting', 'role', 'sdk', 'error', 'now', 'explain'] as const;
const TABS: readonly TabName[] = ['doctor', 'generate', 'explain'];

/** `#…` for the state; a value that holds one of `secrets` is left out. */
export function writeFragment(state: PageState, secrets: readonly string[]): string {
  const params = new URLSearchParams();
  if (state.tab !== undefined && state.tab !== 'doctor') params.set('tab', state.tab);
  for (const name of TEXT_FIELDS) {
    const value = state[name];
    if (value === undefined || value === '') continue;
    if (secrets.some((secret) => secret !== '' && value.includes(secret))) continue;
    params.set(name, value);
  }
  if (state.verbose) params.set('verbose', '1');
  const text = params.toString();
  return text === '' ? location.pathname + location.search : `#${text}`;
}

export function readFragment(hash: string): PageState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: PageState = {};
  for (const name of TEXT_FIELDS) {
    const value = params.get(name);
    if (value !== null) state[name] = value;
  }
  const tab = params.get('tab');
  if (tab !== null && (TABS as readonly string[]).includes(tab)) state.tab = tab as TabName;
  state.verbose = params.get('verbose') === '1';
  return state;
}
