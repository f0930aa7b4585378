import { MIN_VALIDITY_SECONDS } from '../zoom-rules.js';
import type { Check } from './check.js';

export const tokenExpOutOfRange: Check = {
  id: 'token-exp-out-of-range',
  severity: 'error',
  group: 'Time',
  title: 'tokenExp is less than 30 minutes after iat',
  hint: "Set tokenExp equal to exp, as Zoom's sample does.",
  run({ seconds }) {
    const { iat, tokenExp } = seconds;
    if (iat === undefined || tokenExp === undefined) return undefined;
    if (tokenExp - iat >= MIN_VALIDITY_SECONDS) return [];
    return [
      {
        message: `tokenExp is iat + ${tokenExp - iat} s; it must be at least iat + 1800 (30 minutes).`,
        claim: 'tokenExp',
        value: tokenExp,
      },
    ];
  },
};
