// Step Functions ends a Standard execution after one year (TIMED_OUT). The review's definition is
// acyclic, so the longest any execution can run is the longest path through it, each state counted
// at its worst: every attempt its retriers allow, each lasting as long as the state may wait, and
// every delay between them at its longest. That sum must stay below a year; a wait that reaches its
// own bound continues the review in a new execution instead of ending it.
import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../../workflows/load.ts';
import { REVIEW_PHASES } from '#domain/review-phase';

const YEAR_SECONDS = 365 * 86_400;
/** A Lambda function runs at most 15 minutes: a plain invoke without TimeoutSeconds cannot take longer. */
const LAMBDA_MAX_SECONDS = 900;

type State = Record<string, any>;
const definition = JSON.parse(readDefinition('fee-proposal-review')) as {
  StartAt: string;
  States: Record<string, State>;
};
const states = definition.States;

function successors(state: State): string[] {
  return [
    state.Next,
    state.Default,
    ...(state.Choices ?? []).map((c: State) => c.Next),
    ...(state.Catch ?? []).map((c: State) => c.Next),
  ].filter((n): n is string => typeof n === 'string');
}

/** Seconds one attempt of a state may last. */
function attemptSeconds(name: string, state: State): number {
  if (state.Type === 'Wait') {
    expect(state.Seconds, `${name}: a Wait with a fixed number of seconds`).toBeTypeOf('number');
    return state.Seconds;
  }
  if (state.Type !== 'Task') return 0;
  if (String(state.Resource).endsWith('.waitForTaskToken')) {
    expect(state.TimeoutSeconds, `${name}: a callback wait needs its own bound`).toBeTypeOf('number');
    return state.TimeoutSeconds;
  }
  expect(state.Resource, name).toBe('arn:aws:states:::lambda:invoke');
  return Math.min(state.TimeoutSeconds ?? LAMBDA_MAX_SECONDS, LAMBDA_MAX_SECONDS);
}

/** The worst case of a state with its retries: every retrier used up (each counts its own attempts). */
function worstSeconds(name: string, state: State): number {
  let attempts = 1;
  let delays = 0;
  for (const r of state.Retry ?? []) {
    const max = r.MaxAttempts ?? 3;
    attempts += max;
    for (let k = 0; k < max; k++) {
      const delay = (r.IntervalSeconds ?? 1) * (r.BackoffRate ?? 2) ** k;
      delays += Math.min(delay, r.MaxDelaySeconds ?? Infinity);
    }
  }
  return attempts * attemptSeconds(name, state) + delays;
}

/** The longest path from `name` to an end, in seconds; throws on a cycle (the proof needs none). */
function longestFrom(name: string, seen: string[] = [], memo = new Map<string, number>()): number {
  if (seen.includes(name)) throw new Error(`cycle: ${[...seen, name].join(' → ')}`);
  const cached = memo.get(name);
  if (cached !== undefined) return cached;
  const state = states[name];
  if (!state) throw new Error(`no state "${name}"`);
  const rest = Math.max(0, ...successors(state).map((n) => longestFrom(n, [...seen, name], memo)));
  const total = worstSeconds(name, state) + rest;
  memo.set(name, total);
  return total;
}

describe('the review workflow and the one-year limit of a Standard execution', () => {
  it('has no path that could run for a year, counting every retry and wait at its worst', () => {
    const longest = longestFrom(definition.StartAt);
    expect(longest).toBeLessThan(YEAR_SECONDS);
  });

  it('continues the review in a new execution, at the same waiting step, when a wait reaches its bound', () => {
    const entry = states[definition.StartAt]!;
    const entryOf = (phase: string) =>
      entry.Choices.find((c: State) => c.And?.some((t: State) => t.StringEquals === phase))?.Next;
    for (const [name, state] of Object.entries(states)) {
      if (!String(state.Resource).endsWith('.waitForTaskToken')) continue;
      const onTimeout = state.Catch?.[0];
      expect(onTimeout?.ErrorEquals, `${name}: the first Catch is for its bound`).toEqual(['States.Timeout']);
      const handover = states[onTimeout.Next]!;
      expect(handover.Type, name).toBe('Pass');
      expect(REVIEW_PHASES, name).toContain(handover.Result);
      expect(entryOf(handover.Result), `${name}: the new execution enters it again`).toBe(name);
      const next = states[handover.Next]!;
      expect(next.Parameters.FunctionName).toBe('${ContinueReviewFunctionArn}');
      expect(next.Parameters.Payload['phase.$']).toBe(handover.ResultPath);
      expect(states[next.Next]!.Type).toBe('Succeed');
    }
  });

  it('enters the review at every phase the domain names, and at nothing else', () => {
    const entry = states[definition.StartAt]!;
    const named = entry.Choices.map((c: State) => c.And.find((t: State) => 'StringEquals' in t).StringEquals);
    expect([...named].sort()).toEqual([...REVIEW_PHASES].sort());
  });
});
