/**
 * A believable registry for a first start: a central second-level agency with a subordinate
 * agency, its advisory group of seven members, a dataset in each data class, and one organisation
 * with its mail domain. Written through
 * the same use cases an operator and an agency would call, so the seed obeys every rule.
 */
import type { Agency } from '#domain/agency';
import { AdvisoryGroupSchema } from '#domain/advisory-group';
import { DatasetSchema } from '#domain/dataset';
import { OrganizationSchema } from '#domain/organization';
import { agencyRepository, organizationRepository } from '#ports/registry-repository';
import { registerAgency } from '#usecases/register-agency';
import { recordAccount } from '#usecases/record-account';
import { registerAdvisoryGroup } from '#usecases/register-advisory-group';
import { registerDataset } from '#usecases/register-dataset';

export const SEED = {
  ministry: 'moi',
  subordinate: 'moi-nlsc',
  group: 'moi-open-data-advisory',
  datasets: {
    open: 'moi-village-boundaries',
    onApplication: 'nlsc-cadastral-maps',
    notProvided: 'nlsc-owner-register',
  },
  /**
   * The people of the local sign-in page (infra/local/oidc-provider.ts), with the claims Cognito
   * would give them: an NLSC clerk who files for moi-nlsc, a ministry clerk for moi, an operator.
   */
  people: [
    {
      sub: 'nlsc-clerk',
      name: '林怡君',
      email: 'clerk@nlsc.example.tw',
      groups: ['agency'],
      agencyId: 'moi-nlsc',
      role: { zh: '國土測繪中心承辦人', en: 'NLSC clerk' },
    },
    {
      sub: 'moi-clerk',
      name: '陳建宏',
      email: 'clerk@moi.example.tw',
      groups: ['agency'],
      agencyId: 'moi',
      role: { zh: '內政部承辦人', en: 'Ministry clerk' },
    },
    {
      sub: 'operator',
      name: '黃淑華',
      email: 'operator@ogdl.example.tw',
      groups: ['operator'],
      role: { zh: '維運人員', en: 'Operator' },
    },
  ],
  organization: {
    id: 'consumers-foundation',
    name: '財團法人中華民國消費者文教基金會',
    mailDomain: 'consumers.example.tw',
  },
} as const;

const agencies: Agency[] = [
  {
    id: SEED.ministry,
    name: { zh: '內政部', en: 'Ministry of the Interior' },
    contactEmail: 'opendata@moi.example.tw',
  },
  {
    id: SEED.subordinate,
    parentId: SEED.ministry,
    name: { zh: '內政部國土測繪中心', en: 'National Land Surveying and Mapping Center' },
    contactEmail: 'opendata@nlsc.example.tw',
  },
];

const members = [
  ['convener', '陳志明', 'CONVENER'],
  ['agency-rep', '林美惠', 'AGENCY'],
  ['civil-1', '張雅婷', 'CIVIL_SOCIETY'],
  ['civil-2', '黃建國', 'CIVIL_SOCIETY'],
  ['scholar-1', '吳淑芬', 'SCHOLAR'],
  ['scholar-2', '劉家豪', 'SCHOLAR'],
  ['industry-1', '蔡宗翰', 'INDUSTRY'],
] as const;

/** Seeds an empty store; returns false (and changes nothing) when agencies already exist. */
export async function seedRegistry(): Promise<boolean> {
  if ((await agencyRepository.list()).length > 0) return false;
  for (const agency of agencies) await registerAgency(agency);
  // The people of the local sign-in page as the registry's accounts: the console lists and edits them.
  for (const person of SEED.people) {
    await recordAccount({
      sub: person.sub,
      name: person.name,
      email: person.email,
      roles: [...person.groups],
      ...('agencyId' in person ? { agencyId: person.agencyId } : {}),
    });
  }
  await registerAdvisoryGroup(
    AdvisoryGroupSchema.parse({
      id: SEED.group,
      agencyId: SEED.ministry,
      name: { zh: '內政部資料開放諮詢小組', en: 'Ministry of the Interior Open Data Advisory Group' },
      members: members.map(([id, name, seat]) => ({ id, name, seat, email: `${id}@advisory.example.tw` })),
    }),
  );
  const operator = { sub: 'seed', roles: ['operator' as const] };
  const datasets = [
    {
      id: SEED.datasets.open,
      agencyId: SEED.ministry,
      title: { zh: '全國村里界圖', en: 'Village and borough boundaries' },
      version: '2026.1',
      classification: 'OPEN',
      releaseYear: 2024,
      description: {
        zh: '全國村里行政區域界線圖資。',
        en: 'Administrative boundaries of every village and borough.',
      },
      distributionSha256: 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00',
    },
    {
      id: SEED.datasets.onApplication,
      agencyId: SEED.subordinate,
      title: { zh: '數值地籍圖', en: 'Digital cadastral maps' },
      version: '2026-Q3',
      classification: 'ON_APPLICATION',
      releaseYear: 2025,
      conditionsOfUse: {
        title: { zh: '數值地籍圖資料提供使用規範', en: 'Conditions of use for digital cadastral map data' },
        version: '2025.1',
        url: 'https://www.nlsc.gov.tw/conditions/cadastral-maps',
      },
      description: {
        zh: '依申請提供之地籍圖數值檔。',
        en: 'Digital cadastral map files, provided on application.',
      },
    },
    {
      id: SEED.datasets.notProvided,
      agencyId: SEED.subordinate,
      title: { zh: '土地所有權人清冊', en: 'Register of land owners' },
      version: '1',
      classification: 'NOT_PROVIDED',
      notProvidedReason: '個人資料保護法第 5 條 / Personal Data Protection Act, art. 5',
    },
  ];
  for (const dataset of datasets) await registerDataset(DatasetSchema.parse(dataset), operator);
  await organizationRepository.create(
    OrganizationSchema.parse({
      id: SEED.organization.id,
      name: { zh: SEED.organization.name, en: 'Consumers’ Foundation, Chinese Taipei' },
      mailDomains: [SEED.organization.mailDomain],
    }),
  );
  return true;
}
