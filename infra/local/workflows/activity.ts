/**
 * Whether one execution is doing work or is parked. The library runs states on promises and
 * timers the engine cannot see, so the engine follows its event log: a state is open from
 * StateEntered to StateExited, and a failed state stays "failing" until it is retried or caught
 * (a retry waits on a backoff timer in between). An execution is idle when no handler is running,
 * nothing is failing, and every open state that is not a Parallel/Map is a callback task whose
 * handler has returned and whose token is still waiting (the engine counts those as parked).
 */
import type { StateInfo } from './library-definition.ts';

export interface LibraryEvent {
  type: string;
  timestamp: number;
  state?: { name: string; type: string };
}

const CONTAINERS = new Set(['Parallel', 'Map']);

export class ExecutionActivity {
  /** Task handlers running now (including a callback task's handler before it returns). */
  handlersRunning = 0;
  private readonly open = new Map<string, number>();
  private readonly failing = new Map<string, number>();

  constructor(private readonly states: ReadonlyMap<string, StateInfo>) {}

  onEvent(event: LibraryEvent): void {
    const name = event.state?.name;
    if (name === undefined) return;
    switch (event.type) {
      case 'StateEntered':
        bump(this.open, name, 1);
        break;
      case 'StateExited':
        bump(this.open, name, -1);
        this.forgetInside(name);
        break;
      case 'StateFailed':
        bump(this.failing, name, 1);
        this.forgetInside(name);
        break;
      case 'StateRetried':
      case 'StateCaught':
        bump(this.failing, name, -1);
        break;
    }
  }

  /**
   * When a Parallel/Map state ends or fails, whatever was still open inside it (branches the
   * library aborted, the failure that propagated out) will never report an exit.
   */
  private forgetInside(container: string): void {
    if (!CONTAINERS.has(this.states.get(container)?.type ?? '')) return;
    for (const map of [this.open, this.failing]) {
      for (const name of map.keys()) {
        if (this.states.get(name)?.ancestors.includes(container)) map.delete(name);
      }
    }
  }

  /** Why the execution is busy, or undefined when it is parked. `parked` counts waiting tokens by state. */
  busyReason(parked: ReadonlyMap<string, number>): string | undefined {
    if (this.handlersRunning > 0) return `${this.handlersRunning} task handler(s) running`;
    for (const [name, count] of this.failing)
      if (count > 0) return `state "${name}" failed and is being retried or caught`;
    for (const [name, count] of this.open) {
      if (count <= 0 || CONTAINERS.has(this.states.get(name)?.type ?? '')) continue;
      if (count > (parked.get(name) ?? 0)) return `state "${name}" is running`;
    }
    return undefined;
  }
}

function bump(map: Map<string, number>, key: string, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next > 0) map.set(key, next);
  else map.delete(key);
}
