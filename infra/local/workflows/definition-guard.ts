/**
 * Refuses, before anything runs, the ASL features the local runner (aws-local-stepfunctions plus
 * this engine) would run wrongly or not at all. The library accepts several of them and silently
 * gives different results than AWS, so a definition that passes here behaves the same in both
 * places, and one that does not fails loudly at registration with every problem listed at once.
 */
import aslValidator from 'asl-validator';
import { allStates, isObject, type JsonObject } from './asl-walk.ts';

export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
export const LAMBDA_INVOKE_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';

/** The longest delay a Node timer holds (2^31-1 ms, ~24.8 days); longer ones fire at once. */
export const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

export class InvalidDefinitionError extends Error {
  override name = 'InvalidDefinitionError';
}

export class UnsupportedDefinitionError extends Error {
  override name = 'UnsupportedDefinitionError';
  constructor(readonly problems: string[]) {
    super(`The local workflow runner cannot run this definition as AWS would:\n- ${problems.join('\n- ')}`);
  }
}

/** Parses (when given text) and checks a definition; returns it parsed when it can run locally. */
export function checkDefinition(definition: string | object): JsonObject {
  const parsed: unknown =
    typeof definition === 'string' ? parseJson(definition) : structuredClone(definition);
  if (!isObject(parsed)) throw new InvalidDefinitionError('A workflow definition must be a JSON object.');
  // asl-validator writes default QueryLanguage fields into what it is given: hand it a copy.
  const validation = aslValidator(structuredClone(parsed), { checkPaths: true, checkArn: true });
  if (!validation.isValid)
    throw new InvalidDefinitionError(`Invalid ASL definition:\n${validation.errorsText('\n')}`);
  const problems = unsupportedFeatures(parsed);
  if (problems.length) throw new UnsupportedDefinitionError(problems);
  return parsed;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidDefinitionError(`The workflow definition is not JSON: ${(error as Error).message}`);
  }
}

export function unsupportedFeatures(definition: JsonObject): string[] {
  const problems: string[] = [];
  if (definition.QueryLanguage === 'JSONata') {
    problems.push('top level: QueryLanguage "JSONata" (the local runner evaluates JSONPath only)');
  }
  for (const { name, state, ancestors } of allStates(definition)) {
    const where = `state "${[...ancestors, name].join(' › ')}"`;
    problems.push(...stateProblems(state).map((problem) => `${where}: ${problem}`));
  }
  return problems;
}

function stateProblems(state: JsonObject): string[] {
  const problems: string[] = [];
  if (state.QueryLanguage === 'JSONata')
    problems.push('QueryLanguage "JSONata" (the local runner evaluates JSONPath only)');
  const withVariables = [state, ...rules(state.Catch), ...rules(state.Choices)];
  if (withVariables.some((part) => 'Assign' in part)) {
    problems.push(
      'Assign (workflow variables are ignored by the local runner, which would then compute different data)',
    );
  }
  for (const field of ['Arguments', 'Output'] as const) {
    if (withVariables.some((part) => field in part))
      problems.push(`${field} (a JSONata field the local runner ignores)`);
  }
  if (state.Type === 'Task') problems.push(...taskProblems(state));
  if (state.Type === 'Map') problems.push(...mapProblems(state));
  if (state.Type === 'Wait') problems.push(...waitProblems(state));
  for (const child of [...rules(state.Branches), ...[state.ItemProcessor, state.Iterator].filter(isObject)]) {
    if (child.QueryLanguage === 'JSONata') problems.push('a nested machine with QueryLanguage "JSONata"');
  }
  return problems;
}

function taskProblems(state: JsonObject): string[] {
  const problems: string[] = [];
  const resource = state.Resource;
  if (resource !== LAMBDA_INVOKE && resource !== LAMBDA_INVOKE_CALLBACK) {
    const kind = typeof resource === 'string' && resource.endsWith('.sync') ? ' (a .sync integration)' : '';
    problems.push(
      `Resource ${JSON.stringify(resource)}${kind}; only "${LAMBDA_INVOKE}" and "${LAMBDA_INVOKE_CALLBACK}" run locally, each mapped to an in-process handler`,
    );
  } else {
    const parameters = isObject(state.Parameters) ? state.Parameters : undefined;
    if (!parameters || !('FunctionName' in parameters || 'FunctionName.$' in parameters)) {
      problems.push('Parameters.FunctionName is missing, so no local handler can be chosen');
    }
    if (resource === LAMBDA_INVOKE_CALLBACK && !JSON.stringify(parameters ?? {}).includes('$$.Task.Token')) {
      problems.push(
        'a .waitForTaskToken task whose Parameters never pass $$.Task.Token, so nothing could ever complete it',
      );
    }
  }
  if ('HeartbeatSeconds' in state || 'HeartbeatSecondsPath' in state) {
    problems.push(
      'HeartbeatSeconds/HeartbeatSecondsPath (the local runner has no SendTaskHeartbeat and would never time the heartbeat out)',
    );
  }
  if ('TimeoutSecondsPath' in state) {
    problems.push(
      'TimeoutSecondsPath (the value is only known inside the library, which would put it in a Node timer that overflows beyond ~24.8 days; use TimeoutSeconds)',
    );
  }
  if ('Credentials' in state) problems.push('Credentials (cross-account tasks cannot run locally)');
  return problems;
}

function mapProblems(state: JsonObject): string[] {
  const problems: string[] = [];
  const processor = isObject(state.ItemProcessor) ? state.ItemProcessor : undefined;
  const config = processor && isObject(processor.ProcessorConfig) ? processor.ProcessorConfig : undefined;
  if (config?.Mode === 'DISTRIBUTED')
    problems.push(
      'a distributed Map (ItemProcessor.ProcessorConfig.Mode DISTRIBUTED) — the local runner has inline Map only',
    );
  for (const field of [
    'ItemReader',
    'ItemBatcher',
    'ResultWriter',
    'ToleratedFailurePercentage',
    'ToleratedFailureCount',
  ]) {
    if (field in state) problems.push(`${field} (a distributed-Map field the local runner does not support)`);
  }
  return problems;
}

function waitProblems(state: JsonObject): string[] {
  if (typeof state.Seconds === 'number' && state.Seconds > MAX_TIMER_SECONDS) {
    return [
      `Wait Seconds ${state.Seconds} is more than a Node timer holds (${MAX_TIMER_SECONDS} s, ~24.8 days): it would fire at once; use a callback task completed by the scheduler`,
    ];
  }
  for (const field of ['Timestamp', 'TimestampPath', 'SecondsPath']) {
    if (field in state) {
      return [
        `Wait ${field} (the library measures it against the real system time, not the runtime's advanceable clock, and overflows a Node timer beyond ~24.8 days; use Seconds, or a callback task completed by the scheduler)`,
      ];
    }
  }
  return [];
}

function rules(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
