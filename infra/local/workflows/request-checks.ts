/**
 * The checks AWS applies to StartExecution and SendTaskSuccess arguments, with AWS's error codes,
 * so a name or a JSON text that AWS would refuse is refused locally too.
 */
import { SfnError } from './sfn-errors.ts';

const NAME_FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/;

export function checkExecutionName(name: string): void {
  const control = [...name].some(
    (char) => char.charCodeAt(0) < 0x20 || (char.charCodeAt(0) >= 0x7f && char.charCodeAt(0) <= 0x9f),
  );
  if (name.length < 1 || name.length > 80 || NAME_FORBIDDEN.test(name) || control) {
    throw new SfnError(
      'InvalidName',
      `Invalid Name: '${name}' (1–80 characters, no whitespace, brackets, wildcards or special characters)`,
    );
  }
}

export function checkJson(
  text: string,
  code: 'InvalidExecutionInput' | 'InvalidOutput',
  label: string,
): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SfnError(code, `${label}: not valid JSON.`);
  }
}
