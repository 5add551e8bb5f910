/**
 * Which nested stack of the stateless stack holds a route's function, route and integration.
 *
 * CloudFormation refuses a stack of more than 500 resources, and each route costs about nine (the
 * function, its role and policy, its log group, the integration, the route, the invoke permission,
 * and the function's two alarms, kept beside it: operations.ts). One stack held every route and had
 * reached 478. The routes are therefore grouped by who may call them, which is also how an operator
 * reads the console: the public pages, the other public reads (JSON, PDFs, sign-in), public writes
 * (comments, ballots, license requests), the bearer-token API, the signed-in workspace of agencies
 * and the console of operators. Each group is a nested stack, so one `cdk deploy` still deploys the
 * whole service; test/infra/stack-ceiling.test.ts keeps every stack under ROUTE_STACK_CEILING, with
 * the routes the open issues still plan.
 */
import type { RouteDefinition } from '#http/routes';

export const ROUTE_STACKS = {
  PublicPages: 'Public pages: the HTML pages anyone may open (routes tagged Pages)',
  PublicReads: 'Public reads: the other GET routes anyone may call (JSON, PDFs, sign-in)',
  PublicWrites: 'Public writes: comments, ballots, license requests and their confirmations',
  Api: 'The bearer-token API of agencies and operators',
  AgencyWorkspace: 'The signed-in workspace of agencies (and the pages every signed-in person has)',
  OperatorWorkspace: 'The signed-in console of operators',
} as const;

export type RouteStack = keyof typeof ROUTE_STACKS;

/**
 * The most resources any stack of the service may hold: 300 of CloudFormation's 500 (about 33
 * routes), so that a group is split again while that is one more entry here, not a failed deploy.
 */
export const ROUTE_STACK_CEILING = 300;

export function routeStackOf(route: Pick<RouteDefinition, 'method' | 'access' | 'tag'>): RouteStack {
  const access: string = route.access;
  if (access === 'public') {
    if (route.method !== 'GET') return 'PublicWrites';
    return route.tag === 'Pages' ? 'PublicPages' : 'PublicReads';
  }
  if (access === 'workspace-operator') return 'OperatorWorkspace';
  return access.startsWith('workspace') ? 'AgencyWorkspace' : 'Api';
}
