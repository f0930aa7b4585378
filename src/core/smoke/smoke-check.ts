/**
 * The checks of `zoomsig check`: what no token shows, because they look at
 * the credentials themselves or at a running auth endpoint's replies. They
 * have the token checks' shape (id, severity, group, title, hint, a `run`
 * returning drafts) and their discipline: one file each, a registry typed
 * over these ids, a page docs/checks/<id>.md, a fixture, `zoomsig explain <id>`.
 * Their ids never repeat a token check's (test/core/smoke-checks.test.ts).
 */
import type { CheckId } from '../finding.js';
import type { RunnableCheck } from '../checks/check.js';

export const CREDENTIAL_CHECK_IDS = [
  'credential-whitespace',
  'credential-quotes',
  'key-equals-secret',
  'token-as-credential',
  'incomplete-credentials',
  'empty-credential-variable',
  'oauth-app-variables',
] as const;

export const ENDPOINT_CHECK_IDS = [
  'endpoint-no-reply',
  'endpoint-redirect',
  'endpoint-reply-too-large',
  'endpoint-http-error',
  'endpoint-not-json',
  'endpoint-no-signature',
  'cors-missing',
  'cors-preflight',
  'content-type-not-required',
] as const;

export const SMOKE_CHECK_IDS = [...CREDENTIAL_CHECK_IDS, ...ENDPOINT_CHECK_IDS] as const;

export type CredentialCheckId = (typeof CREDENTIAL_CHECK_IDS)[number];
export type EndpointCheckId = (typeof ENDPOINT_CHECK_IDS)[number];
export type SmokeCheckId = (typeof SMOKE_CHECK_IDS)[number];
/** Any check id: a token check's or one of `zoomsig check`'s. */
export type AnyCheckId = CheckId | SmokeCheckId;

export const SMOKE_CHECK_GROUPS = ['Credentials', 'Endpoint'] as const;
export type SmokeCheckGroup = (typeof SMOKE_CHECK_GROUPS)[number];

export type Sdk = 'meeting' | 'video';

/** A key or secret as found, and where: "--key", "ZOOM_MEETING_SDK_SECRET", ".env (ZOOM_MEETING_SDK_KEY)", "--secret-file zoom.secret". */
export interface CredentialValue {
  value: string;
  source: string;
}

/** What was found for one SDK; either half may be missing. */
export interface SdkCredentialValues {
  sdk: Sdk;
  key?: CredentialValue | undefined;
  secret?: CredentialValue | undefined;
}

/** Everything the credential checks look at, read once from flags, the environment and .env. */
export interface CredentialsContext {
  /** The SDKs looked at (both, or the one --sdk names). */
  sdks: SdkCredentialValues[];
  /** Credential variables of those SDKs that are set but empty, and have no value anywhere else. */
  emptyVariables: string[];
  /** Variables of other kinds of Zoom app (OAuth, Server-to-Server OAuth, JWT) that are set; `source` is the variable's name. */
  otherAppVariables: CredentialValue[];
}

/** A reply as received: status, headers (lower-case names), body text, timing. */
export interface HttpReply {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
  /** Milliseconds from sending the request to the end of the body. */
  ms: number;
  /** When it arrived, in Unix seconds: the clock its token is judged at. */
  at: number;
}

/**
 * A request that got no reply that could be read: it timed out, the server
 * closed or reset the connection (before the reply, or in the middle of it),
 * refused it, or sent something that is not HTTP or cannot be decompressed.
 */
export interface NoReply {
  reason: 'timeout' | 'closed' | 'reset' | 'cut' | 'refused' | 'invalid' | 'unreadable';
  /** What happened, as a clause: "the server closed the connection without a reply", "no reply within 5 s". */
  detail: string;
}

/** A redirect (301, 302, 303, 307, 308 with a Location) that was not followed, and why. */
export interface Redirect {
  status: number;
  /** Where it points: the Location resolved against the request's URL, or as sent when it is not a URL. */
  location: string;
  /**
   * `not-followed`: --follow-redirects was not given (or it is the preflight, which no browser follows);
   * `other-origin`: it leaves the endpoint's origin; `loop`: it points back to a URL already asked;
   * `too-many`: past the limit of redirects followed; `bad-location`: the Location is not a URL.
   */
  why: 'not-followed' | 'other-origin' | 'loop' | 'too-many' | 'bad-location';
  /** The URLs asked, first to last: the endpoint's, then those redirects were followed to; the last one answered with this redirect. */
  via: string[];
}

/** A reply whose body is over the size limit (--max-reply): its status and headers, not its body. */
export interface TooLarge {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** The limit, in bytes. */
  limit: number;
  /** Bytes read off the connection before zoomsig stopped. */
  received: number;
  /** The Content-Length, when it alone was over the limit (then nothing was read). */
  declared?: number;
  /** The Content-Encoding, when decompressing is what passed the limit. */
  encoding?: string;
}

/**
 * One request to the endpoint and what came of it. `post`: one of the
 * --requests, with the sample's body and Content-Type; `preflight`: the CORS
 * preflight (OPTIONS); `no-content-type`: the same POST without Content-Type.
 */
export interface Exchange {
  kind: 'post' | 'preflight' | 'no-content-type';
  /** 1-based, among the exchanges of its kind. */
  number: number;
  outcome:
    | { type: 'reply'; reply: HttpReply }
    | { type: 'no-reply'; failure: NoReply }
    | { type: 'redirect'; redirect: Redirect }
    | { type: 'too-large'; tooLarge: TooLarge };
}

/** What was asked of the endpoint. */
export interface EndpointProbe {
  url: string;
  sdk: Sdk;
  /** The JSON body sent: the web sample's {meetingNumber, role}, or the Video SDK sample's {sessionName, role}. */
  body: Readonly<Record<string, string | number>>;
  /** The Origin sent, as a browser would; undefined when the page is on the endpoint's own origin (no CORS then). */
  origin: string | undefined;
  timeoutMs: number;
}

/** The body of a reply read as JSON, when it is JSON. */
export type JsonBody = { parsed: true; value: unknown } | { parsed: false };

/** What an endpoint check looks at: one exchange, with its body read once. */
export interface ExchangeContext {
  exchange: Exchange;
  probe: EndpointProbe;
  /** The reply, when one came. */
  reply: HttpReply | undefined;
  /** The reply's body as JSON, when there is a reply. */
  json: JsonBody | undefined;
  /** Values no message may quote (the secrets): masked in a body before it is cut short. */
  secrets: readonly string[];
}

export type CredentialCheck = RunnableCheck<CredentialsContext, CredentialCheckId, 'Credentials'>;
export type EndpointCheck = RunnableCheck<ExchangeContext, EndpointCheckId, 'Endpoint'>;
export type SmokeCheck = CredentialCheck | EndpointCheck;
