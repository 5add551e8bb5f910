// Each reliability test file writes what it tried when its tests are done.
import { afterAll, inject } from 'vitest';
import { flushTally } from './support/tally.ts';

afterAll(() => flushTally(inject('tallyDir')));
