import { otherTokenCheck } from './other-token.js';

export const zakAsSignature = otherTokenCheck('zak-as-signature', 'zak', 'A ZAK where the signature goes');
