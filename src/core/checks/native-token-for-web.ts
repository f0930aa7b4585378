import type { Check, CheckContext } from './check.js';

/**
 * What says a Meeting SDK token is meant for the Web SDK: a join() object or
 * the user's answer (strong: an error), else --meeting, --role or a Web SDK
 * version (weak: a warning).
 */
function webSignal(context: CheckContext): { what: string; strong: boolean } | undefined {
  if (context.join !== undefined) return { what: 'The join() object (ZoomMtg.join() / client.join()) is the Web SDK\'s', strong: true };
  const platform = context.answers?.platform;
  if (platform === 'web') return { what: 'You said the token is for the Web SDK', strong: true };
  // The user said a native SDK: nothing here is for the web.
  if (platform !== undefined && platform !== 'other') return undefined;
  if (context.meeting) return { what: `${context.meeting.label} names a meeting to join from the web`, strong: false };
  if (context.role) return { what: `${context.role.label} gives a role for a web join`, strong: false };
  if (context.webSdkVersion) return { what: `A Web SDK version (${context.webSdkVersion.version.join('.')}) was given`, strong: false };
  return undefined;
}

export const nativeTokenForWeb: Check = {
  id: 'native-token-for-web',
  severity: 'error',
  group: 'Join context',
  title: 'A native-style token (no mn, no role) for the Web SDK',
  hint: 'Sign the web token with mn (the meeting number) and role (0 to join, 1 to start), as Zoom\'s sample does when the request body has meetingNumber and role: zoomsig generate --meeting <n> --role 0.',
  run(context) {
    const payload = context.decoded.payload;
    if (context.tokenSdk !== 'meeting' || payload === undefined) return undefined;
    // mn or role present: a web token, or one half of the pair (mn-role-pairing says so).
    if (Object.hasOwn(payload, 'mn') || Object.hasOwn(payload, 'role')) return undefined;
    const signal = webSignal(context);
    if (signal === undefined) return undefined;
    return [
      {
        message: `${signal.what}, but the token has neither mn nor role: a native SDK token, which the Web SDK cannot join with.`,
        claim: 'mn',
        severity: signal.strong ? 'error' : 'warning',
      },
    ];
  },
};
