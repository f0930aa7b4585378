import { describeCredential, SDK_LABELS, sdkVariables } from './credential-values.js';
import type { CredentialCheck } from './smoke-check.js';

export const incompleteCredentials: CredentialCheck = {
  id: 'incomplete-credentials',
  severity: 'error',
  group: 'Credentials',
  title: 'A key without its secret, or a secret without its key',
  hint: 'Set both halves from the same app: ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET (Video SDK: ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET).',
  run({ sdks, emptyVariables }) {
    return sdks.flatMap(({ sdk, key, secret }) => {
      if ((key === undefined) === (secret === undefined)) return [];
      const variables = sdkVariables(sdk);
      const [found, missing, variable] = key ? (['key', 'secret', variables.secret] as const) : (['secret', 'key', variables.key] as const);
      const credential = key ?? secret;
      if (credential === undefined) return [];
      const empty = emptyVariables.includes(variable) ? `${variable} is set but empty` : `${variable} is not set`;
      return [
        {
          message: `${describeCredential({ sdk, half: found, credential })} has no ${missing} to go with it (${empty}): no ${SDK_LABELS[sdk]} signature can be made.`,
          hint: `Set ${variable} (or give --${missing === 'key' ? 'key' : 'secret-file'}) from the same app as the ${found}.`,
        },
      ];
    });
  },
};
