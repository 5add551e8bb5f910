/**
 * Builds the CDK app the way `cdk synth` does (cdk-nag included), without bundling unless asked, and
 * hands back the two templates. Each test file calls this once, in beforeAll.
 */
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { routes } from '#http/routes';
import { buildService } from '../../infra/aws/service.ts';
import { cdkJsonContext } from '../../infra/bundles/build.ts';
import type { Service } from '../../infra/aws/service.ts';

export interface SynthesizedService {
  app: App;
  service: Service;
  stateful: Template;
  /**
   * The stateless stack read as one template together with its route stacks (route-stacks.ts):
   * where a route's function lands is a matter of CloudFormation's resource limit, not of what the
   * tests ask. The operations stack is read on its own (`Template.fromStack`).
   */
  stateless: Template;
}

/**
 * The entry a function runs, from its description: a route's names its method and path, every
 * other function's names its kind and then the entry.
 */
export function entryOfDescription(description: string): string {
  const route = routes.find((r) => description.startsWith(`${r.method} ${r.path}:`));
  return (
    route?.entry ?? description.replace(/^(Workflow task|Deadline|Certificate renderer|Default route): /, '')
  );
}

/**
 * A new app with cdk.json's context, bundling skipped unless the context says otherwise; without a
 * mail sender in `context`, mail is disabled on purpose (synth refuses a stack silently without it).
 */
export function newApp(context: Record<string, unknown> = {}): App {
  const mail = context.mailDomain || context.mailFrom ? {} : { mail: 'disabled' };
  return new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...mail, ...context } });
}

/** Synthesizes once; throws (with cdk-nag's report) if any finding is left unacknowledged. */
export function synthesizeService(context: Record<string, unknown> = {}): SynthesizedService {
  const app = newApp(context);
  const service = buildService(app);
  const assembly = app.synth();
  return {
    app,
    service,
    stateful: Template.fromJSON(assembly.getStackByName(service.stateful.stackName).template),
    stateless: withRouteStacks(service, Template.fromStack(service.stateless).toJSON()),
  };
}

/**
 * The parent's template with each route stack's resources in it, as if the routes had never been
 * moved: a reference the nested stack receives as a parameter, or hands back as an output, is
 * written as the reference it stands for, and the route stacks' own stack resources are gone.
 */
function withRouteStacks(service: Service, parent: Record<string, any>): Template {
  const merged = { ...parent, Resources: { ...parent.Resources } };
  const outputs = new Map<string, Record<string, unknown>>();
  const nested: [string, Record<string, any>][] = [];
  for (const stack of service.stateless.routeStacks.values()) {
    const logicalId = service.stateless.resolve(service.stateless.getLogicalId(stack.nestedStackResource!));
    const passed = merged.Resources[logicalId].Properties.Parameters ?? {};
    const template = replaced(Template.fromStack(stack).toJSON(), (v) =>
      typeof v.Ref === 'string' && v.Ref in passed ? passed[v.Ref] : undefined,
    );
    outputs.set(
      logicalId,
      Object.fromEntries(
        Object.entries(template.Outputs ?? {}).map(([name, o]: [string, any]) => [name, o.Value]),
      ),
    );
    nested.push([logicalId, template]);
    delete merged.Resources[logicalId];
  }
  const output = (v: Record<string, any>) => {
    const [id, attribute] = Array.isArray(v['Fn::GetAtt']) ? v['Fn::GetAtt'] : [];
    return outputs.get(id)?.[String(attribute).replace(/^Outputs\./, '')];
  };
  for (const [, template] of nested) {
    for (const [id, resource] of Object.entries(template.Resources)) {
      // One per stack by design (the X-Ray write policy): the same resource twice is one in this view.
      if (id in merged.Resources && JSON.stringify(merged.Resources[id]) !== JSON.stringify(resource))
        throw new Error(`${id} differs between two stacks; the merged view would lose one.`);
      merged.Resources[id] = resource;
    }
  }
  return Template.fromJSON(replaced(merged, output));
}

/** `value` with every object for which `replacement` answers replaced by that answer, deeply. */
function replaced(value: any, replacement: (v: Record<string, any>) => unknown): any {
  if (Array.isArray(value)) return value.map((v) => replaced(v, replacement));
  if (!value || typeof value !== 'object') return value;
  const instead = replacement(value);
  if (instead !== undefined) return instead;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaced(v, replacement)]));
}

export type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };

export function resources(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.findResources(type)) as [string, Resource][];
}

/** `{ "Fn::GetAtt": [id, "Arn"] }` / `{ Ref: id }` → id. */
export function referencedId(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if (Array.isArray(v['Fn::GetAtt'])) return v['Fn::GetAtt'][0];
    if (typeof v.Ref === 'string') return v.Ref;
  }
  return undefined;
}

/** Every statement of every IAM policy attached to the role with this logical id. */
export function statementsOfRole(template: Template, roleId: string): Record<string, any>[] {
  const statements: Record<string, any>[] = [];
  for (const [, policy] of resources(template, 'AWS::IAM::Policy')) {
    const roles: unknown[] = policy.Properties.Roles ?? [];
    if (roles.some((r) => referencedId(r) === roleId))
      statements.push(...policy.Properties.PolicyDocument.Statement);
  }
  return statements;
}

export const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export interface RecordedAcknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Every `Validations.of(x).acknowledge(...)` in the tree, read back from construct metadata. */
export function acknowledgements(root: IConstruct): RecordedAcknowledgement[] {
  const found: RecordedAcknowledgement[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id, reason });
      }
    }
  }
  return found;
}
