import { APP_TYPE_LABELS } from '../setup-answers.js';
import type { Check } from './check.js';

export const wrongAppType: Check = {
  id: 'wrong-app-type',
  severity: 'error',
  group: 'Setup',
  title: 'Credentials of an app that cannot sign SDK tokens',
  hint: 'In the Zoom App Marketplace, sign with the Client ID and Client Secret of a Meeting SDK app, or of a General app with Features → Embed → Meeting SDK turned on (Video SDK: the Video SDK app\'s key and secret).',
  run({ answers, tokenSdk }) {
    const appType = answers?.appType;
    if (appType === undefined || appType === 'unknown') return undefined;
    const label = APP_TYPE_LABELS[appType];
    if (appType === 'server-to-server-oauth' || appType === 'oauth' || appType === 'jwt') {
      return [
        {
          message: `The credentials come from a ${label}: its Client ID/Secret work for the REST API, but Zoom rejects SDK signatures made with them, every time.`,
          value: appType,
        },
      ];
    }
    if (appType === 'video-sdk' && tokenSdk === 'meeting') {
      return [{ message: `A Meeting SDK token signed with a ${label}'s credentials: the two SDKs' credentials are not interchangeable.`, value: appType }];
    }
    if (appType !== 'video-sdk' && tokenSdk === 'video') {
      return [{ message: `A Video SDK token signed with a ${label}'s credentials: the Video SDK needs its own app's key and secret.`, value: appType }];
    }
    return [];
  },
};
