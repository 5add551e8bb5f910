/**
 * What the public sees of a dataset: its class, the license that applies, and for data provided
 * on application the fee schedule in force (none means the data is free). DCAT for catalogues.
 */
import type { Dataset } from '#domain/dataset';
import { OGDL } from '#domain/attribution';
import { scheduleTimeline, type FeeScheduleEntry, type ScheduleTimeline } from '#domain/fee-schedule';
import { currentClock } from '#ports/clock';
import { taipeiDate } from './certificate-record.ts';

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
        name: { zh: '依申請提供授權', en: 'Grant on application' },
        revocable: true,
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

/** DCAT-AP style JSON-LD, as data.gov.tw and other catalogues harvest it. */
export function datasetDcat(dataset: StoredDataset, baseUrl: string) {
  const license = licenseOf(dataset);
  const { inForce } = schedulesOf(dataset);
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      adms: 'http://www.w3.org/ns/adms#',
    },
    '@id': `${baseUrl}/datasets/${encodeURIComponent(dataset.id)}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': dataset.id,
    'dct:title': [
      { '@language': 'zh-Hant-TW', '@value': dataset.title.zh },
      { '@language': 'en', '@value': dataset.title.en },
    ],
    'dct:publisher': { '@id': `${baseUrl}/agencies/${encodeURIComponent(dataset.agencyId)}` },
    'adms:version': dataset.version,
    'dct:accessRights': dataset.classification,
    ...(license.kind === 'OGDL' ? { 'dct:license': { '@id': license.url } } : {}),
    ...(inForce
      ? { 'dct:rights': `${baseUrl}/fee-proposals/${encodeURIComponent(inForce.proposalId)}` }
      : {}),
  };
}
