/** Workflow step "Carry out the decision": record, publish and mail the outcome of the vote. */
import * as z from '#domain/zod';
import { applyDecision } from '#usecases/apply-decision';
import { ReviewTaskInput, reviewTask } from './task.ts';

const Input = z.extend(ReviewTaskInput, { outcome: z.string().check(z.minLength(1)) });

export const handler = reviewTask('apply-decision', Input, applyDecision);
