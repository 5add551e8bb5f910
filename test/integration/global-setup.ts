// Starts one in-memory dynalite for the whole integration run; each test file makes its own table.
import type { TestProject } from 'vitest/node';
import { startDynalite } from '#local/dynalite-server';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynalite = await startDynalite();
  project.provide('dynamoEndpoint', dynalite.endpoint);
  return async () => {
    await dynalite.close();
  };
}
