/**
 * What the public sees of a dataset: its class, the license that applies, and for data provided
 * on application the fee schedule in force (none means the data is free). DCAT for catalogues.
 */
import type { Dataset } from '#domain/dataset';
import { OGDL } from '#domain/attribution';

export interface FeeScheduleRef {
  proposalId: string;
  title: { zh: string; en: string };
  effectiveFrom: string;
  reviewBy?: string;
  status: 'APPROVED' | 'EFFECTIVE';
}

export type StoredDataset = Dataset & { feeSchedule?: FeeScheduleRef };

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
  return { ...dataset, license: licenseOf(dataset), feeSchedule: dataset.feeSchedule ?? null };
}

/** DCAT-AP style JSON-LD, as data.gov.tw and other catalogues harvest it. */
export function datasetDcat(dataset: StoredDataset, baseUrl: string) {
  const license = licenseOf(dataset);
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
    ...(dataset.feeSchedule
      ? { 'dct:rights': `${baseUrl}/fee-proposals/${encodeURIComponent(dataset.feeSchedule.proposalId)}` }
      : {}),
  };
}
