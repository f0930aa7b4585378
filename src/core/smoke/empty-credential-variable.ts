import { sdkVariables } from './credential-values.js';
import type { CredentialCheck } from './smoke-check.js';

export const emptyCredentialVariable: CredentialCheck = {
  id: 'empty-credential-variable',
  severity: 'warning',
  group: 'Credentials',
  title: 'A credential variable is set but empty',
  hint: 'In CI an empty variable is usually a repository secret that does not exist, is misnamed, or is not passed to this job or environment: check the name in `${{ secrets.… }}`, or leave the variable unset.',
  run({ sdks, emptyVariables }) {
    // An empty half of an SDK that has the other half is incomplete-credentials' finding.
    const explained = new Set(
      sdks.flatMap(({ sdk, key, secret }) => {
        const variables = sdkVariables(sdk);
        if (key !== undefined && secret === undefined) return [variables.secret];
        if (secret !== undefined && key === undefined) return [variables.key];
        return [];
      }),
    );
    return emptyVariables.filter((name) => !explained.has(name)).map((name) => ({ message: `${name} is set but empty.` }));
  },
};
