import { ENV } from '../zoom-rules.js';
import type { Check } from './check.js';

export const signatureUnverified: Check = {
  id: 'signature-unverified',
  severity: 'info',
  group: 'Signature',
  title: 'The signature was not checked',
  hint: 'Pass the secret with --secret-file, ZOOM_MEETING_SDK_SECRET (ZOOM_VIDEO_SDK_SECRET for video) or a .env file to check it.',
  run({ signature, tokenSdk }) {
    // Only SDK tokens: a legacy signature or a JWT-app token is rejected whatever its hash (their checks say so).
    if (!signature.checkable || tokenSdk === undefined) return undefined;
    if (signature.checked) return [];
    if (signature.unreadable !== undefined) {
      return [
        {
          message: `A secret was given, but the signature could not be checked with it: ${signature.unreadable}.`,
          hint: 'Fix the encoding first (the format findings say how); then the secret can be checked.',
        },
      ];
    }
    const variable = tokenSdk === 'video' ? ENV.videoSecret : ENV.meetingSecret;
    return [
      {
        message: 'No secret was given, so the signature itself was not checked.',
        hint: `Pass the secret with --secret-file, ${variable} or a .env file to check it.`,
      },
    ];
  },
};
