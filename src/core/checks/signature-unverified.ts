import { ENV } from '../zoom-rules.js';
import type { Check } from './check.js';

export const signatureUnverified: Check = {
  id: 'signature-unverified',
  severity: 'info',
  group: 'Signature',
  title: 'The signature was not checked',
  hint: 'Pass the secret with --secret-file, ZOOM_MEETING_SDK_SECRET (ZOOM_VIDEO_SDK_SECRET for video) or a .env file to check it.',
  run({ decoded, signature, tokenSdk }) {
    // A legacy signature is rejected whatever its hash: legacy-signature says so.
    if (!signature.checkable || decoded.kind === 'legacy-web-signature') return undefined;
    if (signature.checked) return [];
    const variable = tokenSdk === 'video' ? ENV.videoSecret : ENV.meetingSecret;
    return [
      {
        message: 'No secret was given, so the signature itself was not checked.',
        hint: `Pass the secret with --secret-file, ${variable} or a .env file to check it.`,
      },
    ];
  },
};
