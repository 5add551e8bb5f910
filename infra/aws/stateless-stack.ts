/**
 * Everything that can be replaced by a redeploy: the functions, the HTTP API, the workflows and the
 * deadline scheduling. What exists here is derived from the project's own lists:
 * - one function per route of `functions/http/routes.ts`, in the nested stack of its group (route-stacks.ts),
 * - one state machine per entry of WORKFLOWS, with one function per placeholder of its ASL file,
 * - the deadline function and the certificate render function of `functions/tasks/task-functions.ts`;
 * and what each function may do is derived from the AWS clients its code imports (entry-analysis.ts).
 */
import { Annotations, CfnOutput, Duration, NestedStack, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routes as allRoutes } from '#http/routes';
import type { RouteDefinition } from '#http/routes';
import { isBearerAccess } from '#http/types';
import {
  certificateRendererEntry,
  deadlineFunctionEntry,
  deadlineSweepEntry,
  reviewStoppedEntry,
  reviewTaskFunctions,
} from '#tasks/task-functions';
import { Alerts } from './constructs/alerts.ts';
import { Deadlines } from './constructs/deadlines.ts';
import { ServiceHttpApi } from './constructs/http-api.ts';
import { Operations } from './constructs/operations.ts';
import { WorkspaceSignIn } from './constructs/workspace-sign-in.ts';
import { ServiceFunction } from './constructs/service-function.ts';
import type { DataAccess } from './constructs/service-function.ts';
import { stateMachineArn, Workflow } from './constructs/workflow.ts';
import { ROUTE_STACKS, routeStackOf } from './route-stacks.ts';
import type { RouteStack } from './route-stacks.ts';
import type { DeploymentSettings } from './settings.ts';
import type { StatefulResources } from './stateful-stack.ts';

/** The workflows of the service. A second one is one more entry here. */
export const WORKFLOWS = [
  {
    id: 'FeeProposalReview',
    definitionFile: 'workflows/fee-proposal-review.asl.json',
    /** Variable the handlers read the machine's ARN from. */
    envName: 'REVIEW_STATE_MACHINE_ARN',
    tasks: reviewTaskFunctions as Readonly<Record<string, string>>,
  },
] as const;

export interface StatelessStackProps extends StackProps {
  settings: DeploymentSettings;
  stateful: StatefulResources;
  /** Defaults to the routes of routes.ts; tests may pass their own list. */
  routes?: readonly RouteDefinition[];
}

export class StatelessStack extends Stack {
  readonly httpApi: ServiceHttpApi;
  readonly signIn: WorkspaceSignIn;
  readonly workflows: Workflow[];
  readonly deadlines: Deadlines;
  readonly certificateRenderer: ServiceFunction;
  readonly alerts: Alerts;
  readonly operations: Operations;
  /** The nested stacks that hold the routes (route-stacks.ts), by group. */
  readonly routeStacks: ReadonlyMap<RouteStack, NestedStack>;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { settings, stateful } = props;
    const prefix = settings.serviceName;

    this.alerts = new Alerts(this, 'Alerts', { email: settings.alertEmail });
    this.httpApi = new ServiceHttpApi(this, 'Http', {
      apiName: prefix,
      throttle: settings.throttle,
      logRetention: settings.logRetention,
    });
    const publicBaseUrl = settings.publicBaseUrl ?? this.httpApi.url;
    this.signIn = new WorkspaceSignIn(this, 'SignIn', {
      userPool: stateful.userPool,
      baseUrl: publicBaseUrl,
      domainPrefix: settings.signInDomainPrefix,
      saml: settings.signInSaml,
    });

    // Known before any machine exists (fixed names), so any function may be bound to them.
    const machines = WORKFLOWS.map((w) => ({ ...w, stateMachineName: `${prefix}-${kebab(w.id)}` }));
    let deadlines: Deadlines | undefined;
    let renderer: ServiceFunction | undefined;
    const pendingScheduling: ServiceFunction[] = [];
    let mailWarned = false;
    const settingVariables = { FEE_LAW_STEPS: settings.feeLawSteps };

    /** Creates a function and gives it exactly what its code uses. */
    const make = (scope: Construct, id: string, spec: FunctionSpec): ServiceFunction => {
      const fn = new ServiceFunction(scope, id, {
        entry: spec.entry,
        description: spec.description,
        logRetention: settings.logRetention,
        timeout: spec.timeout,
        memorySize: spec.memorySize,
        functionName: spec.functionName,
        // The `service` of every log line, metric and trace (functions/ports/log.ts).
        environment: { PUBLIC_BASE_URL: publicBaseUrl, POWERTOOLS_SERVICE_NAME: prefix },
      });
      fn.bindSettings(settingVariables);
      if (fn.uses('table')) fn.bindTable(stateful.table, spec.access);
      if (fn.uses('blobs')) fn.bindBlobs(stateful.blobs, spec.access);
      if (fn.uses('sign-in')) fn.bindSignIn(this.signIn.issuer, this.signIn.client.userPoolClientId);
      if (fn.uses('signing')) fn.bindSigningKey(stateful.signingKey, spec.access);
      // A function that only reads (every GET) changes nothing: whatever its bundle imports, it may not
      // mail, start or complete a workflow, or schedule.
      if (spec.access === 'read') return fn;
      if (fn.uses('mail')) {
        if (stateful.mail) fn.bindMail(stateful.mail);
        else if (!mailWarned) {
          mailWarned = true;
          Annotations.of(this).addWarningV2(
            'ogdl:mail-not-configured',
            'No mailDomain/mailFrom context: functions that send mail are deployed without MAIL_FROM or SES permissions and will fail when they mail.',
          );
        }
      }
      if (fn.uses('workflow'))
        for (const m of machines) fn.bindWorkflow(m.envName, stateMachineArn(this, m.stateMachineName));
      if (fn.uses('scheduler')) {
        if (deadlines) fn.bindDeadlines(deadlines.scheduling);
        else pendingScheduling.push(fn);
      }
      if (fn.uses('certificate-rendering')) {
        if (!renderer)
          throw new Error(`${spec.entry} renders certificates before the render function exists.`);
        fn.bindCertificateRenderer(renderer);
      }
      return fn;
    };
    // First, so that every function made after it may be bound to it.
    this.certificateRenderer = renderer = make(this, 'CertificateRenderer', {
      entry: certificateRendererEntry,
      access: 'read',
      // Below the 10 s of the HTTP functions that wait for it, which still store, sign and record after it.
      timeout: Duration.seconds(6),
      description: `Certificate renderer: ${certificateRendererEntry}`,
    });
    this.deadlines = deadlines = new Deadlines(this, 'Deadlines', {
      groupName: `${prefix}-deadlines`,
      deadlineFunctionName: `${prefix}-fire-deadline`,
      deadlineFunctionEntry,
      sweepEntry: deadlineSweepEntry,
      alerts: this.alerts,
      makeFunction: (scope, id, entry, functionName) =>
        make(scope, id, {
          entry,
          functionName,
          access: 'readWrite',
          timeout: Duration.seconds(functionName ? 60 : 300),
          description: `Deadline: ${entry}`,
        }),
    });
    for (const fn of pendingScheduling.splice(0)) fn.bindDeadlines(deadlines.scheduling);

    this.workflows = machines.map(
      (m) =>
        new Workflow(this, m.id, {
          definitionFile: m.definitionFile,
          stateMachineName: m.stateMachineName,
          tasks: m.tasks,
          logRetention: settings.logRetention,
          stoppedEntry: reviewStoppedEntry,
          alerts: this.alerts,
          makeFunction: (scope, id, entry, stateTimeoutSeconds) =>
            make(scope, id, {
              entry,
              access: 'readWrite',
              // A state with its own timeout (the long report) gets a function that stops 30 s before
              // it, so the workflow sees the function's timeout, which it retries, not the state's.
              timeout: Duration.seconds(taskFunctionTimeoutSeconds(stateTimeoutSeconds)),
              memorySize: TASK_MEMORY_MB[entry],
              description: `Workflow task: ${entry}`,
            }),
        }),
    );

    const routeStacks = new Map<RouteStack, NestedStack>();
    const routeStack = (route: RouteDefinition): NestedStack => {
      const group = routeStackOf(route);
      let stack = routeStacks.get(group);
      if (!stack) {
        stack = new NestedStack(this, group, { description: ROUTE_STACKS[group] });
        routeStacks.set(group, stack);
      }
      return stack;
    };
    this.httpApi.addRoutes(props.routes ?? allRoutes, routeStack, (scope, id, route) => {
      const fn = make(scope, id, {
        entry: route.entry,
        // GET never changes state (architecture.md): its functions may only read, except a GET whose
        // protocol makes it write (the sign-in callback stores the session).
        access: route.method === 'GET' && !route.writesOnGet ? 'read' : 'readWrite',
        description: `${route.method} ${route.path}: ${route.summary}`.slice(0, 256),
      });
      if (isBearerAccess(route.access)) fn.bindTokenIssuer(stateful.userPool, stateful.userPoolClient);
      return fn;
    });

    this.routeStacks = routeStacks;

    this.httpApi.addDefaultRoute(
      make(this.httpApi, 'RouteNotFound', {
        entry: ROUTE_NOT_FOUND_ENTRY,
        access: 'read',
        description: `Default route: ${ROUTE_NOT_FOUND_ENTRY}`,
      }),
    );

    this.operations = new Operations(this, 'Operations', {
      serviceName: prefix,
      alerts: this.alerts,
      functions: this.node.findAll().filter((c): c is ServiceFunction => c instanceof ServiceFunction),
      api: this.httpApi.api,
      stateMachines: this.workflows.map((w) => w.stateMachine),
      scheduleGroupName: deadlines.scheduling.groupName,
      otherAlarms: [...this.workflows.flatMap((w) => w.stoppedAlarms), deadlines.deadLetterAlarm],
      mailConfigurationSet: stateful.mail?.configurationSetName,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.url });
    for (const w of this.workflows) new CfnOutput(this, `${w.node.id}StateMachineArn`, { value: w.arn });
  }
}

/** The handler of the HTTP API's `$default` route. */
export const ROUTE_NOT_FOUND_ENTRY = 'functions/http/route-not-found.ts';

/**
 * Workflow tasks that need more memory than a PDF-rendering function's default: the consultation
 * report renders up to 10,000 comments on one thread, and Lambda gives a full vCPU from 1,769 MB.
 * Pages stream to S3 in 5 MB parts; what stays is pdfkit's small record of each page written, so
 * 10,000 of the longest comments (55,002 pages) raised the peak RSS by about 410 MB, locally with
 * the runtime and its data in the same process: the memory mostly buys CPU time.
 */
export const TASK_MEMORY_MB: Readonly<Record<string, number>> = {
  [reviewTaskFunctions.PublishConsultationReportFunctionArn]: 1769,
};

/** A workflow task function's timeout: 30 s before its state's own, or 60 s for a state without one. */
export function taskFunctionTimeoutSeconds(stateTimeoutSeconds: number | undefined): number {
  return stateTimeoutSeconds ? stateTimeoutSeconds - 30 : 60;
}

interface FunctionSpec {
  entry: string;
  description: string;
  access: DataAccess;
  timeout?: Duration;
  memorySize?: number;
  functionName?: string;
}

const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
