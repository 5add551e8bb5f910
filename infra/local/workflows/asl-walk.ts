/**
 * Walks every state of an ASL definition, including those inside Parallel branches and Map item
 * processors, so the guard and the library copy see nested states as well as top-level ones.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface VisitedState {
  name: string;
  state: JsonObject;
  /** Names of the Parallel/Map states this one sits inside, outermost first. */
  ancestors: string[];
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The nested machines a state holds: Parallel branches, a Map's ItemProcessor or Iterator. */
export function childMachines(state: JsonObject): JsonObject[] {
  const children: JsonObject[] = [];
  if (Array.isArray(state.Branches)) children.push(...state.Branches.filter(isObject));
  if (isObject(state.ItemProcessor)) children.push(state.ItemProcessor);
  if (isObject(state.Iterator)) children.push(state.Iterator);
  return children;
}

export function allStates(machine: JsonObject, ancestors: string[] = []): VisitedState[] {
  const visited: VisitedState[] = [];
  const states = isObject(machine.States) ? machine.States : {};
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    visited.push({ name, state, ancestors });
    for (const child of childMachines(state)) visited.push(...allStates(child, [...ancestors, name]));
  }
  return visited;
}
