/** POST /operator/accounts: the console's form that records who may act for which agency (recordAccount). */
import { AccountSchema } from '#domain/account';
import { recordAccount } from '#usecases/record-account';
import { FormBody } from './form-body.ts';
import { consoleFormPost } from './operator-console-form.ts';
import { workspaceHandler } from './workspace-handler.ts';

const FIELDS = ['sub', 'name', 'email', 'role', 'agencyId'] as const;

export const handler = workspaceHandler(
  { access: 'workspace-operator', body: FormBody },
  async ({ body, session }) =>
    consoleFormPost(
      {
        form: 'account',
        fields: FIELDS,
        schema: AccountSchema,
        // One role chosen in a select; none chosen disables the account.
        shape: ({ role, ...rest }) => ({ body: { ...rest, roles: role === undefined ? [] : [role] } }),
        run: recordAccount,
      },
      { body, session },
    ),
);
