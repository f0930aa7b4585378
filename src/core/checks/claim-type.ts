import { MAX_PLAUSIBLE_SECONDS } from '../time.js';
import { MAX_TOPIC_LENGTH, MAX_VIDEO_IDENTIFIER_LENGTH } from '../zoom-rules.js';
import type { Check, FindingDraft } from './check.js';
import { isStringRole, roleClaimOf } from './role-claim.js';

const MODE_CLAIMS = { meeting: ['video_webrtc_mode'], video: ['video_webrtc_mode', 'audio_webrtc_mode'] } as const;
const TIME_CLAIMS = { meeting: ['iat', 'exp', 'tokenExp'], video: ['iat', 'exp'] } as const;
const LENGTH_LIMITS: readonly [string, number][] = [
  ['tpc', MAX_TOPIC_LENGTH],
  ['user_identity', MAX_VIDEO_IDENTIFIER_LENGTH],
  ['user_key', MAX_VIDEO_IDENTIFIER_LENGTH],
  ['session_key', MAX_VIDEO_IDENTIFIER_LENGTH],
];

export const claimType: Check = {
  id: 'claim-type',
  severity: 'error',
  group: 'Claims',
  title: 'A claim has the wrong type or value',
  hint: 'Write each claim with the JSON type Zoom expects: numbers without quotes, strings within their limits.',
  run(context) {
    const { decoded, tokenSdk } = context;
    const payload = decoded.payload;
    if (payload === undefined || tokenSdk === undefined) return undefined;
    const drafts: FindingDraft[] = [];
    const has = (claim: string): boolean => Object.hasOwn(payload, claim);

    const roleClaim = roleClaimOf(context);
    if (roleClaim !== undefined && isStringRole(payload[roleClaim])) {
      const value = String(payload[roleClaim]);
      drafts.push({
        message: `${roleClaim} is the string ${JSON.stringify(value)}; Zoom wants the number ${value}.`,
        hint: `Write "${roleClaim}": ${value} without quotes (convert with Number() / parseInt).`,
        claim: roleClaim,
        value,
      });
    }

    for (const claim of TIME_CLAIMS[tokenSdk]) {
      if (!has(claim)) continue;
      const value = payload[claim];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        drafts.push({
          message: `${claim} is ${JSON.stringify(value)}; it must be a number of seconds since 1970, not a ${typeof value}.`,
          hint: `Write "${claim}" as a JSON number: Math.floor(Date.now() / 1000), not a string.`,
          claim,
          value,
        });
      } else if (!Number.isInteger(value) && value <= MAX_PLAUSIBLE_SECONDS) {
        drafts.push({
          message: `${claim} is ${value}: not a whole number of seconds.`,
          hint: 'Round down: Math.floor(Date.now() / 1000).',
          claim,
          value,
          severity: 'warning',
        });
      }
    }

    for (const claim of MODE_CLAIMS[tokenSdk]) {
      if (has(claim) && payload[claim] !== 0 && payload[claim] !== 1) {
        drafts.push({
          message: `${claim} is ${JSON.stringify(payload[claim])}; it must be the number 0 or 1.`,
          hint: `Set "${claim}" to 0 or 1, or leave it out.`,
          claim,
          value: payload[claim],
        });
      }
    }

    if (tokenSdk === 'video') {
      for (const [claim, max] of LENGTH_LIMITS) {
        const value = payload[claim];
        if (typeof value === 'string' && value.length > max) {
          drafts.push({
            message: `${claim} is ${value.length} characters long; the Video SDK allows at most ${max}.`,
            hint: `Shorten ${claim}${claim === 'tpc' ? ' (and pass the same session name to join())' : ''}.`,
            claim,
            value,
          });
        }
      }
      if (has('version') && payload.version !== 1) {
        drafts.push({
          message: `version is ${JSON.stringify(payload.version)}; Zoom's docs and sample use the number 1.`,
          hint: 'Set "version": 1.',
          claim: 'version',
          value: payload.version,
          severity: 'warning',
        });
      }
    }
    return drafts;
  },
};
