/**
 * `POST /fee-proposals/{id}/review/restart` and the operator console's restart form: why the
 * operator restarts a stopped review (what was fixed), shown on the proposal's public trail.
 * A file of its own: review-phase.ts is read by every workflow task, which parse no request.
 */
import * as z from './zod.ts';
import { textField } from './common.ts';
import { labelFields } from './field-errors.ts';

export const RestartInputSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z.object({ reason: /* @__PURE__ */ textField(1000) }),
  {
    reason: { zh: '重新啟動理由', en: 'Reason for restarting' },
  },
);
export type RestartInput = z.infer<typeof RestartInputSchema>;
