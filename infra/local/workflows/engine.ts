/**
 * The local Step Functions: runs the same `workflows/*.asl.json` CDK deploys, with each Lambda
 * task bound to an in-process handler, on aws-local-stepfunctions. What the library lacks or gets
 * wrong for this service is done here: `.waitForTaskToken` callbacks, timeouts on the runtime's
 * advanceable clock instead of Node timers, AWS's execution-name idempotency, execution records
 * that survive a restart, and knowing when every execution has settled (whenIdle).
 */
import '../polyfills.ts';
import { randomUUID } from 'node:crypto';
import { ExecutionAbortedError, ExecutionError, StateMachine } from 'aws-local-stepfunctions';
import type { Clock } from '#ports/clock';
import { substitute } from '../../../workflows/load.ts';
import { ExecutionActivity, type LibraryEvent } from './activity.ts';
import { CallbackRegistry } from './callbacks.ts';
import { checkDefinition, UnsupportedDefinitionError } from './definition-guard.ts';
import { ExecutionStore, type ExecutionRecord, type ExecutionStatus } from './execution-store.ts';
import { LOCAL_ROLE_ARN, toHistoryDetails, type HistoryDetails, type HistoryEvent } from './history.ts';
import { toLibraryDefinition, type LibraryDefinition } from './library-definition.ts';
import { checkExecutionName, checkJson } from './request-checks.ts';
import { SfnError } from './sfn-errors.ts';
import { localTaskHandlers, type TaskFunction } from './task-handlers.ts';
import { statesTimeoutError } from './timeout-error.ts';

export type { TaskFunction } from './task-handlers.ts';
export type { ExecutionStatus } from './execution-store.ts';
export type { HistoryEvent } from './history.ts';

export const LOCAL_ACCOUNT = '000000000000';
const ARN_PREFIX = `arn:aws:states:local:${LOCAL_ACCOUNT}`;

export interface LocalWorkflowEngineOptions {
  clock: Clock;
  /** Keep execution records in this folder (omitted: memory only). */
  dataDir?: string;
  /** Receives one object per notable event; never a task token or a payload. */
  log?: (entry: object) => void;
  /** How often due deadlines are checked in real time (default 1 s); advanceClock() checks at once. */
  deadlineCheckIntervalMs?: number;
  /**
   * Waits this many real milliseconds between task retries instead of each Retry's IntervalSeconds
   * and BackoffRate (tests that run a definition's retries to exhaustion); default: as defined.
   */
  retryIntervalMs?: number;
}

export interface RegisterStateMachineInput {
  name: string;
  /** The ASL text with its `${Name}` placeholders, as read by readDefinition(). */
  definition: string;
  /** Values for placeholders that are not functions (CDK definitionSubstitutions). */
  substitutions?: Record<string, string>;
  /** In-process handlers keyed by the function placeholder, e.g. `{ OpenVoteFunctionArn: handler }`. */
  functions: Record<string, TaskFunction>;
}

export interface StartExecutionInput {
  stateMachineArn: string;
  /** Defaults to a random UUID, as in AWS. */
  name?: string;
  /** JSON text; defaults to "{}". */
  input?: string;
}

export interface ExecutionDescription {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate?: Date;
}

interface RegisteredMachine {
  arn: string;
  name: string;
  library: StateMachine;
  info: LibraryDefinition;
  functions: Map<string, TaskFunction>;
}

interface Run {
  record: ExecutionRecord;
  machine: RegisteredMachine;
  activity: ExecutionActivity;
  history: HistoryEvent[];
  /** Epoch ms on the engine's clock at which the whole execution times out. */
  deadline?: number;
  /** Set when this process stops following the run (stopped, timed out, or the engine closed). */
  detached: boolean;
  abort(): void;
}

/** Local function ARN a `${XxxFunctionArn}` placeholder becomes; the handler is found by it. */
export function localFunctionArn(placeholder: string): string {
  return `arn:aws:lambda:local:${LOCAL_ACCOUNT}:function:${placeholder}`;
}

export class LocalWorkflowEngine {
  private readonly clock: Clock;
  private readonly store: ExecutionStore;
  private readonly logEntry: (entry: object) => void;
  private readonly machines = new Map<string, RegisteredMachine>();
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly runs = new Map<string, Run>();
  private readonly callbacks = new CallbackRegistry();
  /** `$$.Task.Token` resolves to this inside the library; each callback task swaps in a real token. */
  private readonly sentinel = `local-task-token-${randomUUID()}`;
  private readonly interval: NodeJS.Timeout;
  private readonly retryIntervalMs: number | undefined;
  private signal = Promise.withResolvers<void>();
  private closed = false;

  constructor(options: LocalWorkflowEngineOptions) {
    this.clock = options.clock;
    this.store = new ExecutionStore(options.dataDir);
    this.logEntry = options.log ?? (() => undefined);
    this.retryIntervalMs = options.retryIntervalMs;
    for (const record of this.store.load()) this.records.set(record.executionArn, record);
    this.interval = setInterval(() => this.checkDeadlines(), options.deadlineCheckIntervalMs ?? 1000);
    this.interval.unref();
    void statesTimeoutError(); // ready before the first timeout needs it
  }

  // ── state machines ────────────────────────────────────────────────────────────────────────

  registerStateMachine(input: RegisterStateMachineInput): string {
    const arn = `${ARN_PREFIX}:stateMachine:${input.name}`;
    if (this.machines.has(arn))
      throw new SfnError('StateMachineAlreadyExists', `State machine ${input.name} is already registered.`);
    const functionArns = Object.fromEntries(
      Object.keys(input.functions).map((key) => [key, localFunctionArn(key)]),
    );
    const text = substitute(input.definition, { ...input.substitutions, ...functionArns });
    const info = toLibraryDefinition(checkDefinition(text));
    const functions = new Map(
      Object.entries(input.functions).map(([key, fn]) => [localFunctionArn(key), fn]),
    );
    const unbound = info.functionNames.filter(([, fn]) => !functions.has(fn));
    if (unbound.length) {
      throw new UnsupportedDefinitionError(
        unbound.map(([state, fn]) => `state "${state}": FunctionName ${fn} has no local handler`),
      );
    }
    // Building validates nothing more (checkDefinition did) and is the costly part: once per machine.
    const library = new StateMachine(info.definition, { validationOptions: { noValidate: true } });
    this.machines.set(arn, { arn, name: input.name, library, info, functions });
    return arn;
  }

  // ── executions ────────────────────────────────────────────────────────────────────────────

  startExecution(input: StartExecutionInput): { executionArn: string; startDate: Date } {
    const machine = this.machines.get(input.stateMachineArn);
    if (!machine)
      throw new SfnError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${input.stateMachineArn}'`,
      );
    const name = input.name ?? randomUUID();
    checkExecutionName(name);
    const text = input.input ?? '{}';
    checkJson(text, 'InvalidExecutionInput', 'Invalid State Machine Execution Input');
    const executionArn = `${ARN_PREFIX}:execution:${machine.name}:${name}`;
    const existing = this.records.get(executionArn);
    if (existing) {
      // AWS: the same name and input while it runs is the same request; anything else is a clash.
      if (existing.status === 'RUNNING' && existing.input === text)
        return { executionArn, startDate: new Date(existing.startDate) };
      throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: machine.arn,
      name,
      input: text,
      status: 'RUNNING',
      startDate: this.clock.now().toISOString(),
    };
    this.records.set(executionArn, record);
    this.persist();
    this.launch(record, machine);
    return { executionArn, startDate: new Date(record.startDate) };
  }

  describeExecution(executionArn: string): ExecutionDescription {
    const record = this.recordOf(executionArn);
    return {
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      input: record.input,
      ...(record.output !== undefined && { output: record.output }),
      ...(record.error !== undefined && { error: record.error }),
      ...(record.cause !== undefined && { cause: record.cause }),
      startDate: new Date(record.startDate),
      ...(record.stopDate !== undefined && { stopDate: new Date(record.stopDate) }),
    };
  }

  /** Newest first, as AWS lists them. */
  listExecutions(
    stateMachineArn: string,
    options: { statusFilter?: ExecutionStatus } = {},
  ): ExecutionDescription[] {
    if (!this.machines.has(stateMachineArn))
      throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return [...this.records.values()]
      .filter(
        (record) =>
          record.stateMachineArn === stateMachineArn &&
          (!options.statusFilter || record.status === options.statusFilter),
      )
      .sort((a, b) => b.startDate.localeCompare(a.startDate))
      .map((record) => this.describeExecution(record.executionArn));
  }

  stopExecution(executionArn: string, options: { error?: string; cause?: string } = {}): { stopDate: Date } {
    const record = this.recordOf(executionArn);
    if (record.status === 'RUNNING') {
      this.end(record, { status: 'ABORTED', error: options.error, cause: options.cause });
      this.log({ event: 'execution.stopped', executionArn });
    }
    return { stopDate: new Date(record.stopDate ?? this.clock.now()) };
  }

  /** AWS-shaped history of the run this process followed (history is not kept across restarts). */
  getExecutionHistory(executionArn: string): HistoryEvent[] {
    this.recordOf(executionArn);
    return [...(this.runs.get(executionArn)?.history ?? [])];
  }

  // ── callbacks ─────────────────────────────────────────────────────────────────────────────

  sendTaskSuccess(taskToken: string, output: string): void {
    const pending = this.callbacks.find(taskToken);
    const value = checkJson(output, 'InvalidOutput', 'Invalid Output');
    this.callbacks.withdraw(taskToken);
    this.log({ event: 'task.succeeded', executionArn: pending.executionArn, state: pending.stateName });
    pending.resolve(value);
    this.changed();
  }

  sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
    const pending = this.callbacks.find(taskToken);
    this.callbacks.withdraw(taskToken);
    this.log({ event: 'task.failed', executionArn: pending.executionArn, state: pending.stateName, error });
    const failure = new Error(cause ?? '');
    failure.name = error ?? '';
    pending.reject(failure);
    this.changed();
  }

  // ── time ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Call after moving the clock: fails every callback task and execution whose deadline has
   * passed, at once. Then `await whenIdle()` to let what follows them run.
   */
  advanceClock(): number {
    return this.checkDeadlines();
  }

  private checkDeadlines(): number {
    if (this.closed) return 0;
    const now = this.clock.now().getTime();
    let fired = 0;
    for (const pending of this.callbacks.takeDue(now)) {
      fired++;
      this.log({ event: 'task.timed-out', executionArn: pending.executionArn, state: pending.stateName });
      void statesTimeoutError().then((error) => pending.reject(error));
    }
    for (const run of this.runs.values()) {
      if (run.detached || run.deadline === undefined || run.deadline > now) continue;
      fired++;
      this.end(run.record, {
        status: 'TIMED_OUT',
        error: 'States.Timeout',
        cause: 'The execution ran longer than its TimeoutSeconds.',
      });
      this.log({ event: 'execution.timed-out', executionArn: run.record.executionArn });
    }
    if (fired) this.changed();
    return fired;
  }

  /**
   * Resolves once no execution is doing work: each running one is parked on a callback task (or
   * finished). Handlers that complete other executions' tasks or start executions are followed
   * too, since their executions are busy until they park. Rejects, naming what is still busy,
   * when nothing moved on for `timeoutMs` of real time (default 30 s): many executions working at
   * once on a loaded machine may take longer than that together, a stuck one makes no progress.
   */
  async whenIdle(options: { timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    let giveUpAt = Date.now() + timeoutMs;
    for (;;) {
      // Let the library's promise chains and event log catch up before looking.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const change = this.signal.promise;
      const busy = this.busyExecutions();
      if (busy.length === 0) return;
      const left = giveUpAt - Date.now();
      if (left <= 0)
        throw new Error(
          `Workflow executions still busy, with no progress for ${timeoutMs} ms: ${busy.join('; ')}`,
        );
      let moved = false;
      await untilOrAfter(
        change.then(() => {
          moved = true;
        }),
        left,
      );
      if (moved) giveUpAt = Date.now() + timeoutMs;
    }
  }

  private busyExecutions(): string[] {
    const busy: string[] = [];
    for (const run of this.runs.values()) {
      if (run.detached || run.record.status !== 'RUNNING') continue;
      const reason = run.activity.busyReason(this.callbacks.parkedByState(run.record.executionArn));
      if (reason) busy.push(`${run.record.executionArn}: ${reason}`);
    }
    return busy;
  }

  // ── restarts ──────────────────────────────────────────────────────────────────────────────

  /**
   * Runs again, from the start and with its original input, every execution recorded as RUNNING
   * that this engine is not running (the previous process stopped). Task handlers are idempotent
   * and read stored state, so the re-run converges to where the execution was; callback tasks get
   * new tokens, and the old ones are void. Call after registering the state machines.
   */
  resumeRunning(): { resumed: string[]; unknownStateMachine: string[] } {
    const resumed: string[] = [];
    const unknownStateMachine: string[] = [];
    for (const record of this.records.values()) {
      if (record.status !== 'RUNNING' || this.runs.get(record.executionArn)?.detached === false) continue;
      const machine = this.machines.get(record.stateMachineArn);
      if (!machine) {
        unknownStateMachine.push(record.executionArn);
        continue;
      }
      this.launch(record, machine);
      resumed.push(record.executionArn);
      this.log({ event: 'execution.resumed', executionArn: record.executionArn });
    }
    return { resumed, unknownStateMachine };
  }

  /**
   * Stops following every execution without recording an end, so a later engine on the same
   * data folder resumes them; handlers still running finish on their own.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.interval);
    for (const run of this.runs.values()) {
      if (!run.detached) this.detach(run);
    }
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────

  private launch(record: ExecutionRecord, machine: RegisteredMachine): void {
    if (this.closed) throw new Error('The workflow engine is closed.');
    const timeoutSeconds = machine.info.executionTimeoutSeconds;
    const run: Run = {
      record,
      machine,
      activity: new ExecutionActivity(machine.info.states),
      history: [],
      deadline:
        timeoutSeconds === undefined ? undefined : Date.parse(record.startDate) + timeoutSeconds * 1000,
      detached: false,
      abort: () => undefined,
    };
    this.runs.set(record.executionArn, run);
    const handlers = localTaskHandlers(machine.info.states, {
      executionArn: record.executionArn,
      activity: run.activity,
      callbacks: this.callbacks,
      sentinel: this.sentinel,
      now: () => this.clock.now().getTime(),
      isActive: () => !run.detached,
      functionNamed: (name) => (typeof name === 'string' ? machine.functions.get(name) : undefined),
      changed: () => this.changed(),
      log: (entry) => this.log(entry),
    });
    const context = {
      Execution: {
        Id: record.executionArn,
        Name: record.name,
        RoleArn: LOCAL_ROLE_ARN,
        StartTime: record.startDate,
      },
      StateMachine: { Id: machine.arn, Name: machine.name },
      Task: { Token: this.sentinel },
    };
    const handle = machine.library.run(JSON.parse(record.input) as never, {
      overrides: {
        taskResourceLocalHandlers: handlers,
        ...(this.retryIntervalMs === undefined
          ? {}
          : {
              retryIntervalOverrides: Object.fromEntries(
                [...machine.info.states.keys()].map((state) => [state, this.retryIntervalMs!]),
              ),
            }),
      },
      context,
    });
    run.abort = handle.abort;
    void this.follow(run, handle.eventLogs as AsyncGenerator<LibraryEvent>);
    handle.result.then(
      (output) => this.finish(run, { status: 'SUCCEEDED', output: JSON.stringify(output) }),
      (error: unknown) => this.finish(run, failureOf(error)),
    );
    this.log({ event: 'execution.started', executionArn: record.executionArn });
  }

  /** Feeds the library's event log to the activity tracker and the AWS-shaped history. */
  private async follow(run: Run, events: AsyncGenerator<LibraryEvent>): Promise<void> {
    try {
      for await (const event of events) {
        run.activity.onEvent(event);
        const details =
          event.type === 'ExecutionAborted'
            ? this.endEvent(run.record)
            : toHistoryDetails(
                event,
                (state) => run.machine.info.states.get(state)?.callbackTimeoutSeconds !== undefined,
              );
        // The library stamps real time; history shows the engine's clock, like every other date.
        if (details)
          this.addHistory(run, details, event.timestamp + (this.clock.now().getTime() - Date.now()));
        this.changed();
      }
    } catch (error) {
      this.log({
        event: 'history.failed',
        executionArn: run.record.executionArn,
        message: (error as Error).message,
      });
    }
  }

  private endEvent(record: ExecutionRecord): HistoryDetails | undefined {
    const details = { error: record.error, cause: record.cause };
    if (record.status === 'TIMED_OUT')
      return { type: 'ExecutionTimedOut', executionTimedOutEventDetails: details };
    if (record.status === 'ABORTED')
      return { type: 'ExecutionAborted', executionAbortedEventDetails: details };
    return undefined; // the engine closed: the execution goes on after a restart
  }

  private addHistory(run: Run, details: HistoryDetails, timestamp: number): void {
    const id = run.history.length + 1;
    run.history.push({ ...details, timestamp, id, previousEventId: id - 1 });
  }

  private finish(run: Run, outcome: Outcome): void {
    if (run.detached || this.runs.get(run.record.executionArn) !== run || run.record.status !== 'RUNNING')
      return;
    this.end(run.record, outcome);
    this.log({
      event: `execution.${outcome.status.toLowerCase().replace('_', '-')}`,
      executionArn: run.record.executionArn,
      error: outcome.error,
    });
  }

  /** Records how an execution ended and lets go of what it still held. */
  private end(record: ExecutionRecord, outcome: Outcome): void {
    record.status = outcome.status;
    record.stopDate = this.clock.now().toISOString();
    if (outcome.output !== undefined) record.output = outcome.output;
    if (outcome.error !== undefined) record.error = outcome.error;
    if (outcome.cause !== undefined) record.cause = outcome.cause;
    this.persist();
    const run = this.runs.get(record.executionArn);
    if (run && !run.detached) this.detach(run);
    this.changed();
  }

  /** Stops the library run and voids its tokens; rejecting them also clears the library's timers. */
  private detach(run: Run): void {
    run.detached = true;
    run.abort();
    for (const pending of this.callbacks.withdrawExecution(run.record.executionArn)) {
      pending.reject(
        Object.assign(new Error('The execution is no longer running.'), { name: 'States.Runtime' }),
      );
    }
  }

  private recordOf(executionArn: string): ExecutionRecord {
    const record = this.records.get(executionArn);
    if (!record) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  private persist(): void {
    this.store.save(this.records.values());
  }

  private changed(): void {
    this.signal.resolve();
    this.signal = Promise.withResolvers<void>();
  }

  private log(entry: object): void {
    try {
      this.logEntry({ at: this.clock.now().toISOString(), ...entry });
    } catch {
      // A broken log sink must not break executions.
    }
  }
}

interface Outcome {
  status: ExecutionStatus;
  output?: string;
  error?: string;
  cause?: string;
}

function failureOf(error: unknown): Outcome {
  if (error instanceof ExecutionAbortedError) return { status: 'ABORTED' };
  const cause = error instanceof ExecutionError ? error.cause : error;
  if (cause instanceof Error) return { status: 'FAILED', error: cause.name, cause: cause.message };
  return { status: 'FAILED', error: 'States.Runtime', cause: String(cause) };
}

/** Resolves when `change` settles or after `ms`, whichever comes first, leaving no timer behind. */
function untilOrAfter(change: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void change.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
