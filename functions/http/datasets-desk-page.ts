/**
 * GET /agency/datasets: the agency's datasets desk: its datasets with their class and version,
 * each with its edit form and its public page, and the link that registers one. `?saved=` (a
 * dataset's id) says which was just saved.
 */
import * as z from '#domain/zod';
import { DATASET_LABELS } from '#domain/dataset';
import { pagePaths } from '#usecases/page-paths';
import { listOwnDatasets } from '#usecases/read-registry';
import { workspacePaths } from '#usecases/workspace-paths';
import { datasetsDeskBody } from '#templates/pages/datasets-desk';
import { DESK_STYLES } from '#templates/pages/desk-styles';
import { workspacePage } from '#templates/pages/workspace';
import { frameOf, workspaceGetHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const Query = z.object({ saved: z.droppedIfInvalid(z.string().check(z.maxLength(200))) });

export const handler = workspaceGetHandler(
  { access: 'workspace-agency', query: Query },
  async ({ principal, session, query }) => {
    const datasets = await listOwnDatasets(principal);
    const body = datasetsDeskBody({
      labels: DATASET_LABELS,
      datasets: datasets.map((d) => ({
        id: d.id,
        title: d.title,
        version: d.version,
        classification: d.classification,
        editUrl: workspacePaths.editDataset(d.id),
        publicUrl: pagePaths.dataset(d.id),
      })),
      newUrl: workspacePaths.newDataset(),
      // Only a dataset of the agency's own is named as saved.
      ...(query.saved && datasets.some((d) => d.id === query.saved) ? { saved: query.saved } : {}),
    });
    return workspacePageResult(
      200,
      workspacePage(frameOf(session), { zh: '資料集', en: 'Datasets' }, body, {
        current: workspacePaths.datasets(),
        styles: DESK_STYLES,
      }),
    );
  },
);
