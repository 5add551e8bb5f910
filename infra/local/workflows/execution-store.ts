/**
 * The executions the engine knows, kept in one small JSON file when it has a data folder, so a
 * restart can show finished executions and run again those that were still running. Written
 * whole, to a temporary file renamed over the old one, so a crash never leaves half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  /** The input exactly as given to StartExecution (JSON text). */
  input: string;
  status: ExecutionStatus;
  /** ISO-8601 on the engine's clock. */
  startDate: string;
  stopDate?: string;
  output?: string;
  error?: string;
  cause?: string;
}

interface StoreFile {
  version: 1;
  executions: ExecutionRecord[];
}

export class ExecutionStore {
  private readonly file: string | undefined;

  constructor(dataDir?: string) {
    this.file = dataDir ? join(dataDir, 'workflow-executions.json') : undefined;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
  }

  load(): ExecutionRecord[] {
    if (!this.file) return [];
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const parsed = JSON.parse(text) as Partial<StoreFile>;
    if (parsed.version !== 1 || !Array.isArray(parsed.executions))
      throw new Error(`${this.file} is not a workflow executions file (version 1).`);
    return parsed.executions;
  }

  save(records: Iterable<ExecutionRecord>): void {
    if (!this.file) return;
    const body: StoreFile = { version: 1, executions: [...records] };
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(body, null, 1));
    renameSync(temp, this.file);
  }
}
