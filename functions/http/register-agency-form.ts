/** POST /operator/agencies: the console's form that registers an agency (registerAgency, as POST /agencies). */
import { AgencySchema } from '#domain/agency';
import { registerAgency } from '#usecases/register-agency';
import { FormBody } from './form-body.ts';
import { consoleFormPost } from './operator-console-form.ts';
import { workspaceHandler } from './workspace-handler.ts';

export const AGENCY_FORM_FIELDS = ['id', 'name.zh', 'name.en', 'parentId', 'contactEmail'] as const;

export const handler = workspaceHandler(
  { access: 'workspace-operator', body: FormBody },
  async ({ body, session }) =>
    consoleFormPost(
      { form: 'agency', fields: AGENCY_FORM_FIELDS, schema: AgencySchema, run: registerAgency },
      { body, session },
    ),
);
