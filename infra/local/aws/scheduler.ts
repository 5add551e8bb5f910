/**
 * EventBridge Scheduler for the bundles: one-time `at()` schedules are kept as the local runtime's
 * table deadlines, which its deadline runner fires with the deadline function when the clock
 * reaches them. CreateSchedule refuses a name that exists (ConflictException), as Scheduler does.
 */
import type { Deadline } from '#ports/scheduler';
import { TableScheduler } from '#ports/scheduler-table';
import { getItem } from '#ports/dynamo/table';
import { deadlineKey } from '#ports/dynamo/keys';
import { bodyJson, json, restJsonError } from './protocol.ts';
import type { StandInService } from './protocol.ts';

interface ScheduleInput {
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  Target: { Arn: string; Input?: string };
}

const OPERATIONS: Record<string, string> = {
  POST: 'CreateSchedule',
  PUT: 'UpdateSchedule',
  DELETE: 'DeleteSchedule',
};

export function schedulerStandIn(): StandInService {
  const table = new TableScheduler();
  const exists = async (name: string) => (await getItem<Deadline>(deadlineKey(name))) !== undefined;
  return {
    name: 'scheduler',
    match: ({ method, segments }) =>
      segments[0] === 'schedules' && segments.length === 2 ? OPERATIONS[method] : undefined,
    async run(request, operation) {
      const name = request.segments[1] as string;
      if (operation === 'DeleteSchedule') {
        if (!(await exists(name)))
          return restJsonError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
        await table.cancel(name);
        return json(200, {});
      }
      const input = bodyJson<ScheduleInput>(request);
      const at = /^at\((\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\)$/.exec(input.ScheduleExpression)?.[1];
      if (!at || (input.ScheduleExpressionTimezone ?? 'UTC') !== 'UTC')
        return restJsonError(400, 'ValidationException', `This stand-in takes at() in UTC only.`);
      const found = await exists(name);
      if (operation === 'CreateSchedule' && found)
        return restJsonError(409, 'ConflictException', `Schedule ${name} already exists.`);
      if (operation === 'UpdateSchedule' && !found)
        return restJsonError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
      await table.schedule({
        name,
        at: `${at}Z`,
        payload: JSON.parse(input.Target.Input ?? '{}') as Deadline['payload'],
      });
      return json(200, { ScheduleArn: `arn:aws:scheduler:local:000000000000:schedule/default/${name}` });
    },
    error: restJsonError,
  };
}
