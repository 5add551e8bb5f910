/**
 * Helpers for cdk-nag v3 acknowledgements. Findings about wildcard resources are identified by the
 * resource as cdk-nag prints it (`Resource::arn:<AWS::Partition>:…/*`); `nagResource` renders a value
 * built from literals and pseudo parameters the same way, so an acknowledgement names exactly the
 * resource it accepts and nothing else. (Values that reference another stack are rendered by cdk-nag
 * only after cross-stack references are resolved, so they cannot be named here: avoid them in
 * wildcard grants.)
 */
import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (node && typeof node === 'object') {
    const value = node as Record<string, unknown>;
    if (Array.isArray(value['Fn::Join'])) {
      const [delimiter, items] = value['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if ('Ref' in value) return `<${flatten(value.Ref)}>`;
    if ('Fn::GetAtt' in value) {
      const [resource, attribute] = value['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(resource)}.${flatten(attribute)}>`;
    }
  }
  return JSON.stringify(node);
}

/** The text cdk-nag shows for `value` (an ARN with pseudo-parameter tokens) in a finding id. */
export function nagResource(scope: IConstruct, value: string): string {
  return flatten(Stack.of(scope).resolve(value));
}
