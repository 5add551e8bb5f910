/**
 * The whole service as a CDK app: the stateful stack, the stateless stack wired to it by typed props,
 * and cdk-nag's AWS Solutions checks as a validation plugin (a finding fails the synth unless it is
 * acknowledged, with its reason, on the narrowest construct it concerns).
 */
import { Validations } from 'aws-cdk-lib';
import type { App, Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { RouteDefinition } from '#http/routes';
import { readSettings } from './settings.ts';
import type { DeploymentSettings } from './settings.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export interface Service {
  settings: DeploymentSettings;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

export interface ServiceOptions {
  env?: Environment;
  /** Run cdk-nag (default true). */
  nag?: boolean;
  /** Override the routes of routes.ts (tests). */
  routes?: readonly RouteDefinition[];
}

export function buildService(app: App, options: ServiceOptions = {}): Service {
  const settings = readSettings(app.node);
  const stateful = new StatefulStack(app, `${settings.serviceName}-stateful`, {
    env: options.env,
    settings,
    description: 'OGDL fee review: table, PDF bucket, signing key, user pool, mail identity (retained)',
    terminationProtection: true,
  });
  const stateless = new StatelessStack(app, `${settings.serviceName}-stateless`, {
    env: options.env,
    settings,
    stateful: stateful.resources,
    routes: options.routes,
    description: 'OGDL fee review: functions, HTTP API, workflows, deadline schedules',
  });
  stateless.addStackDependency(stateful);
  if (options.nag !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { settings, stateful, stateless };
}
