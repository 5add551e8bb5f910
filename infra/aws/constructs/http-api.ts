/**
 * The HTTP API: one Lambda per entry of `functions/http/routes.ts` (nothing here lists routes),
 * default route throttling (the per-address rate limit of public writes) and JSON access logs.
 * No route has an API Gateway authorizer: a route that takes a token verifies it in its function
 * (functions/ports/bearer-tokens.ts, against the user pool's keys; a workspace page checks its
 * session instead, workspace-handler.ts), because the HTTP API's JWT
 * authorizer refuses with its own `{"message":"Unauthorized"}` instead of the contract's 401 body.
 * The handlers check groups and agency ownership after that, as before.
 *
 * No CORS: the service's pages are served by the API itself, and third-party browser clients are not a
 * requirement yet. Add `corsPreflight` here when one is.
 */
import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import path from 'node:path';
import { methodsOf } from '#http/routes';
import type { RouteDefinition } from '#http/routes';
import { isWorkspaceAccess } from '#http/types';
import type { ServiceFunction } from './service-function.ts';

export interface ServiceHttpApiProps {
  apiName: string;
  throttle: { rateLimit: number; burstLimit: number };
  logRetention: RetentionDays;
}

/** What each access log line records: never headers, so no bearer token ends up in a log. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
};

/** `functions/http/create-agency.ts` → `CreateAgency`. */
export function routeFunctionId(route: RouteDefinition): string {
  return path
    .basename(route.entry, path.extname(route.entry))
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

export class ServiceHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** `METHOD path` → the route's function. */
  readonly routeFunctions = new Map<string, ServiceFunction>();
  private readonly functionIds = new Set<string>();

  constructor(scope: Construct, id: string, props: ServiceHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: props.apiName,
      description: 'Fee-schedule review and OGDL license certificates',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /** The API's base URL without a trailing slash (the `$default` stage has no path prefix). */
  get url(): string {
    return this.api.apiEndpoint;
  }

  /**
   * The `$default` route: whatever matches no route reaches `entry` (the contract's 404 or 405
   * body, or the 404 page for a person) instead of API Gateway's own `{"message":"Not Found"}`.
   */
  addDefaultRoute(fn: ServiceFunction): void {
    const route = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('DefaultIntegration', fn.fn),
    });
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The $default route only answers that no route matches; it reads nothing. Throttled by the stage.',
    });
  }

  /**
   * The entry's name, then with the method, then numbered: unique across the API, not only in its
   * stack, since the console, the alarms and the tests name a function by it.
   */
  private uniqueFunctionId(route: RouteDefinition): string {
    const base = routeFunctionId(route);
    let id = this.functionIds.has(base) ? `${base}${route.method}` : base;
    for (let n = 2; this.functionIds.has(id); n++) id = `${base}${route.method}${n}`;
    this.functionIds.add(id);
    return id;
  }

  /**
   * One function per route, made (and bound) by the caller's factory, in the construct (and so the
   * stack) that `scopeOf` names for the route; the API and its stage stay here.
   */
  addRoutes(
    routes: readonly RouteDefinition[],
    scopeOf: (route: RouteDefinition) => Construct,
    makeFunction: (scope: Construct, id: string, route: RouteDefinition) => ServiceFunction,
  ): void {
    for (const route of routes) {
      if (route.path.startsWith('/_local/')) continue; // local-runtime tooling never exists on AWS
      const key = `${route.method} ${route.path}`;
      if (this.routeFunctions.has(key)) throw new Error(`Route ${key} is listed twice in routes.ts.`);
      const scope = scopeOf(route);
      const id = this.uniqueFunctionId(route);
      const fn = makeFunction(scope, id, route);
      const isPublic = route.access === 'public';
      // One integration for the route's methods: HEAD shares its GET's function and integration.
      const integration = new HttpLambdaIntegration(`${id}Integration`, fn.fn);
      for (const method of methodsOf(route)) {
        const httpRoute = new HttpRoute(
          scope,
          method === route.method ? `${id}Route` : `${id}${method}Route`,
          {
            httpApi: this.api,
            routeKey: HttpRouteKey.with(route.path, HttpMethod[method]),
            integration,
          },
        );
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: isPublic
            ? `${method} ${route.path} is public by design (routes.ts access: 'public'): ${route.summary}. Throttled by the stage.`
            : isWorkspaceAccess(route.access)
              ? `${method} ${route.path} is a workspace page (access '${route.access}'): its function admits only a live session from the table and checks every form's Origin and CSRF token; a browser sends no bearer token.`
              : `${method} ${route.path} takes a bearer token, which its function verifies against the user pool's keys (functions/ports/bearer-tokens.ts) so that a refusal answers the contract's 401 body. Throttled by the stage.`,
        });
      }
      this.routeFunctions.set(key, fn);
    }
  }
}
