/**
 * A dataset's metadata for harvesting by the national platform and other catalogues: DCAT JSON-LD,
 * and a JSON shaped like data.gov.tw's dataset metadata fields. Both carry the license, how the data
 * is charged for (計費方式), the explanation URL (計費說明網址), the legal basis (計費法令依據) and
 * the schedule in force, from the same timeline that prices license requests.
 */
import { APPLICATION_GRANT_NAME, OGDL } from '#domain/attribution';
import type { LocalizedText } from '#domain/common';
import type { DataClass } from '#domain/dataset';
import type { ScheduleTimelineEntry } from '#domain/fee-schedule';
import { schedulesOf, type StoredDataset } from './dataset-view.ts';
import { FEE_UNIT_LABELS, PURPOSE_LABELS } from '#templates/labels';

/** 資料提供屬性 of each data class; typed by DataClass, so a new class does not compile until it is worded here. */
const CLASS_WORDS: Record<DataClass, string> = {
  OPEN: '開放資料',
  ON_APPLICATION: '依申請提供',
  NOT_PROVIDED: '不予提供',
};

/** The license a dataset's grants are made under: the OGDL for open data, the conditions of use otherwise. */
function licenseFacts(dataset: StoredDataset): { name: LocalizedText; url?: string } | undefined {
  if (dataset.classification === 'OPEN') return { name: { zh: OGDL.nameZh, en: OGDL.nameEn }, url: OGDL.url };
  if (dataset.classification === 'ON_APPLICATION')
    return {
      name: APPLICATION_GRANT_NAME,
      ...(dataset.conditionsOfUse ? { url: dataset.conditionsOfUse.url } : {}),
    };
  return undefined;
}

const scheduleUrl = (baseUrl: string, entry: ScheduleTimelineEntry) =>
  `${baseUrl}/fee-proposals/${encodeURIComponent(entry.proposalId)}`;

/** data.gov.tw's field names, with the schedule in force (and its items) under 收費基準. */
export function datasetGovTwMetadata(dataset: StoredDataset, agencyName: LocalizedText, baseUrl: string) {
  const { inForce } = schedulesOf(dataset);
  const license = licenseFacts(dataset);
  return {
    資料集識別碼: dataset.id,
    資料集名稱: dataset.title.zh,
    資料集英文名稱: dataset.title.en,
    資料集描述: dataset.description?.zh ?? '',
    提供機關: agencyName.zh,
    資料提供屬性: CLASS_WORDS[dataset.classification],
    版本: dataset.version,
    授權方式: license?.name.zh ?? '不予提供',
    授權說明網址: license?.url ?? '',
    計費方式: inForce ? '付費' : dataset.classification === 'NOT_PROVIDED' ? '' : '免費',
    計費說明網址: inForce ? (inForce.explanationUrl ?? scheduleUrl(baseUrl, inForce)) : '',
    計費法令依據: inForce?.legalBasis ?? '',
    ...(inForce
      ? {
          收費基準: {
            編號: inForce.proposalId,
            名稱: inForce.title.zh,
            生效日期: inForce.effectiveFrom,
            ...(inForce.reviewBy ? { 檢討期限: inForce.reviewBy } : {}),
            收費項目: inForce.items.map((i) => ({
              代碼: i.id,
              項目: i.name.zh,
              計費單位: FEE_UNIT_LABELS[i.unit].zh,
              金額: i.amountTwd,
              ...(i.maxQuantity ? { 單次上限: i.maxQuantity } : {}),
            })),
            差別費率: inForce.reductions.map((r) => ({
              利用目的: PURPOSE_LABELS[r.purpose].zh,
              減收百分比: r.percent,
            })),
          },
        }
      : {}),
  };
}

/** DCAT-AP style JSON-LD; fee facts DCAT has no terms for are in this service's own namespace. */
export function datasetDcat(dataset: StoredDataset, baseUrl: string) {
  const { inForce } = schedulesOf(dataset);
  const license = licenseFacts(dataset);
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      adms: 'http://www.w3.org/ns/adms#',
      schema: 'https://schema.org/',
      fee: `${baseUrl}/ns/fee#`,
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
    ...(license
      ? {
          'dct:license': {
            ...(license.url ? { '@id': license.url } : {}),
            'dct:title': [
              { '@language': 'zh-Hant-TW', '@value': license.name.zh },
              { '@language': 'en', '@value': license.name.en },
            ],
          },
        }
      : {}),
    ...(dataset.classification === 'NOT_PROVIDED'
      ? {}
      : {
          'schema:isAccessibleForFree': inForce === undefined,
          'fee:chargeMethod': inForce ? '付費' : '免費',
        }),
    ...(inForce
      ? {
          'dct:rights': { '@id': scheduleUrl(baseUrl, inForce) },
          'fee:explanationUrl': { '@id': inForce.explanationUrl ?? scheduleUrl(baseUrl, inForce) },
          'fee:legalBasis': inForce.legalBasis,
          'fee:scheduleInForce': {
            '@id': scheduleUrl(baseUrl, inForce),
            'dct:title': inForce.title.zh,
            'fee:effectiveFrom': inForce.effectiveFrom,
            ...(inForce.reviewBy ? { 'fee:reviewBy': inForce.reviewBy } : {}),
            'fee:item': inForce.items.map((i) => ({
              'dct:identifier': i.id,
              'dct:title': i.name.zh,
              'fee:unit': i.unit,
              'schema:price': i.amountTwd,
              'schema:priceCurrency': 'TWD',
            })),
            'fee:reduction': inForce.reductions.map((r) => ({
              'fee:purpose': r.purpose,
              'fee:percent': r.percent,
            })),
          },
        }
      : {}),
  };
}
