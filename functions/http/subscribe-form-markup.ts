/**
 * The subscription form, for every new consultation or the dataset or proposal it names: shown by
 * GET /subscriptions/new (`sent`: the page after it, saying to check the mail) and, for a refused
 * form, by POST /subscriptions itself. An unknown dataset or proposal is a NotFoundError (the
 * routes' 404 page).
 */
import { topicOf } from '#domain/subscription';
import { pagePaths } from '#usecases/page-paths';
import { topicName } from '#usecases/subscriptions';
import type { PageLocale } from '#templates/language';
import type { FormState } from '#templates/pages/form-fields';
import { subscribeFormPage } from '#templates/pages/subscription';

export async function subscribeFormMarkup(
  named: { datasetId?: string; proposalId?: string },
  form: FormState,
  locale: PageLocale,
  sent = false,
): Promise<string> {
  // A dataset named wins over a proposal: the form asks for one topic.
  const hidden = {
    ...(named.datasetId ? { datasetId: named.datasetId } : {}),
    ...(named.proposalId && !named.datasetId ? { proposalId: named.proposalId } : {}),
  };
  return subscribeFormPage(
    { action: pagePaths.subscribeAction(), topic: await topicName(topicOf(hidden)), hidden, sent, form },
    locale,
  );
}
