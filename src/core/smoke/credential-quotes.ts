import { credentialItems, describeCredential, wrappingQuote } from './credential-values.js';
import type { CredentialCheck } from './smoke-check.js';

const QUOTE_NAMES: Readonly<Record<string, string>> = { '"': 'double quotes', "'": 'single quotes', '`': 'backticks' };

export const credentialQuotes: CredentialCheck = {
  id: 'credential-quotes',
  severity: 'error',
  group: 'Credentials',
  title: 'Quotes around the key or secret',
  hint: 'Store the value without quotes: Docker\'s --env-file, systemd\'s Environment= and CI secret stores keep them as part of the value.',
  run(context) {
    return credentialItems(context).flatMap((item) => {
      const quote = wrappingQuote(item.credential.value);
      return quote === undefined ? [] : [{ message: `${describeCredential(item)} is wrapped in ${QUOTE_NAMES[quote] ?? 'quotes'}: they are part of the value.` }];
    });
  },
};
