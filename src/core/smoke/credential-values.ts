/** The keys and secrets a credential check looks at, and how a message names one without showing it. */
import { maskSecret } from '../mask.js';
import { ENV } from '../zoom-rules.js';
import type { CredentialValue, CredentialsContext, Sdk } from './smoke-check.js';

export const SDK_LABELS: Readonly<Record<Sdk, string>> = { meeting: 'Meeting SDK', video: 'Video SDK' };

/** The variables Zoom's samples read for an SDK's key and secret. */
export function sdkVariables(sdk: Sdk): { key: string; secret: string } {
  return sdk === 'video' ? { key: ENV.videoKey, secret: ENV.videoSecret } : { key: ENV.meetingKey, secret: ENV.meetingSecret };
}

export interface CredentialItem {
  sdk: Sdk;
  half: 'key' | 'secret';
  credential: CredentialValue;
}

/** Every key and secret found, SDK by SDK, key first. */
export function credentialItems({ sdks }: CredentialsContext): CredentialItem[] {
  return sdks.flatMap(({ sdk, key, secret }) => [
    ...(key ? [{ sdk, half: 'key' as const, credential: key }] : []),
    ...(secret ? [{ sdk, half: 'secret' as const, credential: secret }] : []),
  ]);
}

/** "The Meeting SDK secret (ZOOM_MEETING_SDK_SECRET, Fake…cdef)": where it came from and its mask, never the value. */
export function describeCredential({ sdk, half, credential }: CredentialItem): string {
  return `The ${SDK_LABELS[sdk]} ${half} (${credential.source}, ${maskSecret(credential.value)})`;
}

const QUOTES = ['"', "'", '`'] as const;

/** The quote character a value is wrapped in (after white space), if any. */
export function wrappingQuote(value: string): string | undefined {
  const text = value.trim();
  return QUOTES.find((quote) => text.length >= 2 && text.startsWith(quote) && text.endsWith(quote));
}

/** The value as it was meant to be: no white space or quotes around it. */
export function bareValue(value: string): string {
  const text = value.trim();
  return wrappingQuote(text) === undefined ? text : text.slice(1, -1).trim();
}

/** Variables of the Zoom apps that cannot sign SDK tokens, as their samples and docs name them. */
export const OTHER_APP_VARIABLES = ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET', 'ZOOM_API_KEY', 'ZOOM_API_SECRET'] as const;
/** Those of them that hold a secret: never shown, masked in all output. */
export const OTHER_APP_SECRETS: readonly string[] = ['ZOOM_CLIENT_SECRET', 'ZOOM_API_SECRET'];
