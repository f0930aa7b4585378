/** The fixtures of zoomsig check, read once: fixtures/credentials and fixtures/endpoints. */
import { readdirSync, readFileSync } from 'node:fs';
import type { CredentialsContext, EndpointCheckOptions, EndpointProbe, Exchange } from '../../../src/index.js';

export interface CredentialsFixture {
  description: string;
  now: number;
  context: CredentialsContext;
  expect: { ids: string[]; verdict: string };
}

export interface EndpointFixture {
  description: string;
  now: number;
  probe: EndpointProbe;
  options: Omit<EndpointCheckOptions, 'now'>;
  exchanges: Exchange[];
  expect: { findings: { id: string; claim?: string; count: number; total: number; requests?: number[] }[]; verdict: string };
}

function load<T>(name: string): (readonly [string, T])[] {
  const dir = new URL(`../../../fixtures/${name}/`, import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as T] as const);
}

export const credentialFixtures = load<CredentialsFixture>('credentials');
export const endpointFixtures = load<EndpointFixture>('endpoints');

