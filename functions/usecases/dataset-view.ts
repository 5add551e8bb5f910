/**
 * What the public sees of a dataset: its class, the license that applies, and for data provided
 * on application its schedules over time (none in force means the data is free).
 */
import type { Dataset } from '#domain/dataset';
import { APPLICATION_GRANT_NAME, OGDL } from '#domain/attribution';
import { scheduleTimeline, type FeeScheduleEntry, type ScheduleTimeline } from '#domain/fee-schedule';
import { currentClock } from '#ports/clock';
import { taipeiDate } from '#domain/taipei-time';

/** A dataset as stored: the registry's record and every fee schedule published on it. */
export type StoredDataset = Dataset & { feeSchedules?: FeeScheduleEntry[] };

/** Today's date in Taiwan: the day whose schedule is in force. */
export const taipeiToday = () => taipeiDate(currentClock().now().toISOString());

/** The dataset's schedules as they stand on `date` (today in Taiwan by default). */
export const schedulesOf = (dataset: StoredDataset, date = taipeiToday()): ScheduleTimeline =>
  scheduleTimeline(dataset.feeSchedules ?? [], date);

export function licenseOf(dataset: Dataset) {
  switch (dataset.classification) {
    case 'OPEN':
      return {
        kind: 'OGDL',
        name: { zh: OGDL.nameZh, en: OGDL.nameEn },
        version: OGDL.version,
        spdx: OGDL.spdx,
        url: OGDL.url,
        fee: 'FREE',
      };
    case 'ON_APPLICATION':
      return {
        kind: 'GRANT_ON_APPLICATION',
        name: APPLICATION_GRANT_NAME,
        revocable: true,
        ...(dataset.conditionsOfUse ? { conditionsOfUse: dataset.conditionsOfUse } : {}),
      };
    case 'NOT_PROVIDED':
      return { kind: 'NONE', reason: dataset.notProvidedReason };
  }
}

export function datasetView(dataset: StoredDataset) {
  const { feeSchedules: _stored, ...registered } = dataset;
  const { inForce, next, history } = schedulesOf(dataset);
  return {
    ...registered,
    license: licenseOf(dataset),
    feeSchedules: { inForce: inForce ?? null, next: next ?? null, history },
  };
}
