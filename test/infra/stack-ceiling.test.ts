/**
 * CloudFormation refuses a stack of more than 500 resources, 200 parameters or 200 outputs. Every
 * stack of the service — the two top-level stacks and each nested one — stays under the project's
 * own ceiling (route-stacks.ts), today and with the routes the open issues still plan to add.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { methodsOf, routes } from '#http/routes';
import type { RouteDefinition } from '#http/routes';
import { ROUTE_STACK_CEILING, ROUTE_STACKS, routeStackOf } from '../../infra/aws/route-stacks.ts';
import type { RouteStack } from '../../infra/aws/route-stacks.ts';
import { buildService } from '../../infra/aws/service.ts';
import type { Service } from '../../infra/aws/service.ts';
import { newApp } from './support.ts';

/** CloudFormation's own limits per template, beside the resources' (ROUTE_STACK_CEILING is lower). */
const CLOUDFORMATION = { parameters: 200, outputs: 200 };

/**
 * Routes still to come, counted from what issues 16 (the workspace) and 17 (pages and mails) build
 * and api.md's second-wave table names, against routes.ts. Issue 17's pages (dataset, fee
 * schedules, archive, feed, report, decision, verify, my licenses, subscriptions) and issue 16's API
 * (every status, licenses, withdraw, the post-vote steps, dataset edit) are all routes now; what is
 * left is the workspace's own pages and forms, each a GET page and the POST of its form:
 */
const PLANNED: Record<RouteStack, number> = {
  PublicPages: 0,
  PublicReads: 0,
  PublicWrites: 0,
  Api: 0,
  // The licenses and datasets desks, withdrawing and the post-vote (§10) steps are routes now (the
  // steps' form posts from the proposal's page, so one route where two were planned).
  AgencyWorkspace: 0,
  // The console's edit page still to come: an account (a page and its form); the advisory
  // group's and the agency's are routes now.
  OperatorWorkspace: 2,
};

interface Counted {
  path: string;
  resources: number;
  parameters: number;
  outputs: number;
}

function synthesize(routeList: readonly RouteDefinition[]): { service: Service; counted: Counted[] } {
  const app = newApp();
  const service = buildService(app, { routes: routeList });
  app.synth();
  const counted = app.node
    .findAll()
    .filter((c): c is Stack => Stack.isStack(c))
    .map((stack) => {
      const template = Template.fromStack(stack).toJSON();
      return {
        path: stack.node.path,
        resources: Object.keys(template.Resources ?? {}).length,
        parameters: Object.keys(template.Parameters ?? {}).length,
        outputs: Object.keys(template.Outputs ?? {}).length,
      };
    });
  return { service, counted };
}

/** `count` made-up routes in `group`, each with the entry of a route of that kind that exists. */
function planned(group: RouteStack, count: number): RouteDefinition[] {
  const like = routes.find((r) => routeStackOf(r) === group) ?? routes.find((r) => r.method === 'GET')!;
  const access = WORKSPACE_ACCESS[group] ?? like.access;
  return Array.from({ length: count }, (_, i) => ({
    ...like,
    path: `/planned-${group.toLowerCase()}/${i}`,
    access: access as RouteDefinition['access'],
    method: group === 'PublicReads' || group === 'PublicPages' ? 'GET' : like.method,
  }));
}

const WORKSPACE_ACCESS: Partial<Record<RouteStack, string>> = {
  AgencyWorkspace: 'workspace-agency',
  OperatorWorkspace: 'workspace-operator',
};

function expectUnderTheCeiling(counted: Counted[]) {
  for (const stack of counted) {
    expect(stack.resources, `${stack.path}: resources`).toBeLessThanOrEqual(ROUTE_STACK_CEILING);
    expect(stack.parameters, `${stack.path}: parameters`).toBeLessThanOrEqual(CLOUDFORMATION.parameters);
    expect(stack.outputs, `${stack.path}: outputs`).toBeLessThanOrEqual(CLOUDFORMATION.outputs);
  }
}

let today: { service: Service; counted: Counted[] };
beforeAll(() => {
  today = synthesize(routes);
});

describe('every stack of the service', () => {
  it(`holds at most ${ROUTE_STACK_CEILING} resources and CloudFormation's parameters and outputs`, () => {
    expect(today.counted.length).toBeGreaterThan(3);
    expectUnderTheCeiling(today.counted);
  });

  it('still does with the routes the open issues plan to add', () => {
    const groups = Object.keys(ROUTE_STACKS) as RouteStack[];
    const { counted } = synthesize([...routes, ...groups.flatMap((g) => planned(g, PLANNED[g]))]);
    expect(counted.map((c) => c.path)).toEqual(
      expect.arrayContaining(groups.map((g) => expect.stringMatching(new RegExp(`/${g}$`)))),
    );
    expectUnderTheCeiling(counted);
  });
});

describe('each route', () => {
  it('is in the nested stack of its group, with its function and integration, and HEAD beside GET where the route says so', () => {
    for (const [group, stack] of today.service.stateless.routeStacks) {
      const template = Template.fromStack(stack);
      const keys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
        (r) => r.Properties.RouteKey,
      );
      const expected = routes.filter((r) => routeStackOf(r) === group && !r.path.startsWith('/_local/'));
      const routeKeys = expected.flatMap((r) => methodsOf(r).map((method) => `${method} ${r.path}`));
      expect(keys.sort(), group).toEqual(routeKeys.sort());
      // A HEAD route shares its GET's function and integration (CDK gives each route its invoke permission).
      for (const type of ['AWS::Lambda::Function', 'AWS::ApiGatewayV2::Integration'])
        expect(Object.keys(template.findResources(type)), `${group}: ${type}`).toHaveLength(expected.length);
      expect(Object.keys(template.findResources('AWS::Lambda::Permission')), group).toHaveLength(
        routeKeys.length,
      );
      // Each function's two alarms beside it (operations.ts).
      expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm')), group).toHaveLength(
        2 * expected.length,
      );
    }
  });
});
