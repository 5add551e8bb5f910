/**
 * POST /operator/advisory-groups: the console's form that registers an advisory group with its
 * members and decision rule (registerAdvisoryGroup, as POST /advisory-groups). Member rows left
 * empty are left out; a member's refusal points at its row's field.
 */
import { AdvisoryGroupSchema } from '#domain/advisory-group';
import { registerAdvisoryGroup } from '#usecases/register-advisory-group';
import { MEMBER_ROWS } from '#templates/pages/operator-console';
import { FormBody } from './form-body.ts';
import { groupFormBody, memberFieldNames, ruleFieldNames } from './group-form-body.ts';
import { consoleFormPost } from './operator-console-form.ts';
import { workspaceHandler } from './workspace-handler.ts';

const FIELDS = ['id', 'agencyId', 'name.zh', 'name.en', ...memberFieldNames(MEMBER_ROWS), ...ruleFieldNames];

export const handler = workspaceHandler(
  { access: 'workspace-operator', body: FormBody },
  async ({ body, session }) =>
    consoleFormPost(
      {
        form: 'group',
        fields: FIELDS,
        schema: AdvisoryGroupSchema,
        shape: groupFormBody,
        run: (group) => registerAdvisoryGroup(group),
      },
      { body, session },
    ),
);
