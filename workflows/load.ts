/**
 * One source for every workflow definition: CDK reads the same `workflows/<name>.asl.json` as the
 * local runner, and both fill its `${Name}` placeholders (CDK definitionSubstitutions) the same way,
 * so the two cannot drift.
 */
import { readFileSync } from 'node:fs';

const PLACEHOLDER = /\$\{([^}]+)\}/g;

/** The raw text of `workflows/<name>.asl.json`, placeholders still in it. */
export function readDefinition(name: string): string {
  return readFileSync(new URL(`./${name}.asl.json`, import.meta.url), 'utf8');
}

/** Every distinct placeholder name in the text, in order of first appearance. */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  return [...names];
}

export interface SubstituteOptions {
  /** Refuse values no placeholder asks for (catches a misspelt key); default false. */
  rejectUnused?: boolean;
}

/**
 * Replaces every `${Name}` with its value. A placeholder without a value would reach AWS or the
 * local runner as a literal `${Name}` and fail far from here, so it is refused now, by name.
 */
export function substitute(
  text: string,
  values: Readonly<Record<string, string>>,
  options: SubstituteOptions = {},
): string {
  const wanted = placeholders(text);
  const missing = wanted.filter((name) => !Object.hasOwn(values, name));
  const unused = options.rejectUnused ? Object.keys(values).filter((name) => !wanted.includes(name)) : [];
  const problems = [
    ...(missing.length
      ? [`no value for placeholder(s) ${missing.map((name) => `\${${name}}`).join(', ')}`]
      : []),
    ...(unused.length ? [`value(s) given but not used: ${unused.join(', ')}`] : []),
  ];
  if (problems.length) throw new Error(`Cannot fill the workflow definition: ${problems.join('; ')}.`);
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] as string);
}

/**
 * The `TimeoutSeconds` of the Task states that invoke the `${placeholder}` function and wait for it
 * to return (the longest, if several do), or undefined when none sets one. The function's own
 * timeout is sized from it, so the two cannot disagree. A callback state's timeout (it waits for
 * people, long after its function returned) says nothing about the function.
 */
export function taskTimeoutSeconds(text: string, placeholder: string): number | undefined {
  let longest: number | undefined;
  const visit = (states: Record<string, Record<string, unknown>>) => {
    for (const state of Object.values(states)) {
      const parameters = state.Parameters as { FunctionName?: string } | undefined;
      const waitsForReturn = state.Resource === 'arn:aws:states:::lambda:invoke';
      if (
        waitsForReturn &&
        parameters?.FunctionName === `\${${placeholder}}` &&
        typeof state.TimeoutSeconds === 'number'
      ) {
        longest = Math.max(longest ?? 0, state.TimeoutSeconds);
      }
      for (const branch of (state.Branches as { States: typeof states }[] | undefined) ?? [])
        visit(branch.States);
      const iterator = (state.ItemProcessor ?? state.Iterator) as { States: typeof states } | undefined;
      if (iterator) visit(iterator.States);
    }
  };
  visit((JSON.parse(text) as { States: Record<string, Record<string, unknown>> }).States);
  return longest;
}
