/**
 * Subscriptions to consultations (domain/subscription.ts), by double opt-in:
 * 1. asking: the topic must exist (a public proposal, a registered dataset: 404 otherwise); the
 *    address is within its recipient limit (429); it is mailed a confirmation link (valid 7 days).
 *    The answer is the same whether or not the address already subscribes, so it reveals nothing;
 * 2. confirming (the page's button, never the GET): the subscription becomes ACTIVE;
 * 3. every mail to a subscriber carries its own unsubscribe link, also as `List-Unsubscribe` with
 *    one-click `List-Unsubscribe-Post` (RFC 8058); using it ends the subscription at once.
 * A commenter who asked to be informed is subscribed to the proposal once the comment's address
 * is confirmed (verify-comment-email.ts), so both hear the same news and leave the same way.
 */
import { ConflictError, GoneError, NotFoundError } from '#domain/errors';
import type { Lang } from '#domain/common';
import type { Subscription, SubscriptionRequest, SubscriptionTopic } from '#domain/subscription';
import { subscriberKey, topicOf } from '#domain/subscription';
import { mailer } from '#ports/adapters';
import { currentClock } from '#ports/clock';
import type { OutgoingMail } from '#ports/mailer';
import { subscriptionRepository } from '#ports/subscription-repository';
import { datasetRepository } from '#ports/registry-repository';
import { hashSecret, looksLikeSecret, newSecret } from '#ports/secrets';
import type { RenderedMail } from '#templates/mail/format';
import {
  ALL_CONSULTATIONS_TOPIC,
  datasetTopic,
  proposalTopic,
  subscriptionConfirmationMail,
} from '#templates/mail/subscription-mails';
import type { Label } from '#templates/labels';
import { links } from './links.ts';
import { admitMailTo } from './rate-limits.ts';
import { loadPublicProposal } from './public-proposal.ts';

const DAY = 86_400_000;
const CONFIRMATION_VALID_MS = 7 * DAY;
/** An unsubscribe link works this long after its mail was sent. */
const UNSUBSCRIBE_VALID_MS = 400 * DAY;
/** Subscriptions read per Query when mailing a topic. */
const PAGE = 100;

/** What a topic is called in mails and pages. */
export async function topicName(topic: SubscriptionTopic): Promise<Label> {
  switch (topic.kind) {
    case 'ALL':
      return ALL_CONSULTATIONS_TOPIC;
    case 'DATASET': {
      const found = await datasetRepository.get(topic.datasetId);
      if (!found) throw new NotFoundError('Dataset', topic.datasetId);
      return datasetTopic(found.value.title);
    }
    case 'PROPOSAL':
      return proposalTopic((await loadPublicProposal(topic.proposalId)).value.title);
  }
}

export async function requestSubscription(input: SubscriptionRequest, lang?: Lang): Promise<void> {
  const topic = topicOf(input);
  const name = await topicName(topic); // 404 for a topic that does not exist
  await admitMailTo(input.email);
  const now = currentClock().now();
  const existing = await subscriptionRepository.get(topic, input.email);
  if (!existing) {
    try {
      await subscriptionRepository.create({
        topic,
        email: input.email,
        status: 'PENDING',
        requestedAt: now.toISOString(),
        ...(lang ? { lang } : {}),
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error; // a twin request created it: mail the link anyway
    }
  }
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + CONFIRMATION_VALID_MS).toISOString();
  await subscriptionRepository.createConfirmation(hash, { topic, email: input.email, expiresAt });
  await (
    await mailer()
  ).send({
    to: [input.email],
    ...subscriptionConfirmationMail({
      topic: name,
      confirmUrl: links.subscriptionConfirmation(secret),
      expiresAt,
      ...(lang ? { lang } : {}),
    }),
    idempotencyKey: `subscribe-${hash}`,
  });
}

/** The confirmation a link stands for: 404 unknown, and whether it expired or was used. */
export async function lookUpConfirmation(secret: string) {
  const found = looksLikeSecret(secret)
    ? await subscriptionRepository.getConfirmation(hashSecret(secret))
    : undefined;
  if (!found) throw new NotFoundError('Subscription link', 'given', 'SUBSCRIPTION_LINK_NOT_FOUND');
  return {
    link: found,
    topic: await topicName(found.value.topic),
    used: found.value.usedAt !== undefined,
    expired: currentClock().now().getTime() >= Date.parse(found.value.expiresAt),
  };
}

export async function confirmSubscription(
  secret: string,
): Promise<{ topic: Label; alreadyConfirmed: boolean }> {
  const { link, topic, used, expired } = await lookUpConfirmation(secret);
  if (used) return { topic, alreadyConfirmed: true };
  if (expired) throw new GoneError('SUBSCRIPTION_LINK_EXPIRED', 'This link has expired; subscribe again.');
  const now = currentClock().now().toISOString();
  await subscriptionRepository.useConfirmation(
    hashSecret(secret),
    { ...link.value, usedAt: now },
    link.revision,
  );
  await activate(link.value.topic, link.value.email, now);
  return { topic, alreadyConfirmed: false };
}

/** Makes the address's subscription to the topic ACTIVE, creating it if need be. */
export async function activate(
  topic: SubscriptionTopic,
  email: string,
  at: string,
  lang?: Lang,
): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await subscriptionRepository.get(topic, email);
    try {
      if (!current) {
        await subscriptionRepository.create({
          topic,
          email,
          status: 'ACTIVE',
          requestedAt: at,
          confirmedAt: at,
          ...(lang ? { lang } : {}),
        });
      } else if (current.value.status !== 'ACTIVE') {
        const { endedAt: _ended, ...rest } = current.value;
        await subscriptionRepository.replace(
          { ...rest, status: 'ACTIVE', confirmedAt: at },
          current.revision,
        );
      }
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error; // changed meanwhile: read again
    }
  }
  throw new ConflictError('SUBSCRIPTION_BUSY', 'The subscription is changing; try again.');
}

/** The subscription an unsubscribe link stands for (404 unknown, 410 once the link is too old). */
export async function lookUpUnsubscribe(secret: string) {
  const link = looksLikeSecret(secret)
    ? await subscriptionRepository.getUnsubscribeLink(hashSecret(secret))
    : undefined;
  if (!link) throw new NotFoundError('Unsubscribe link', 'given', 'UNSUBSCRIBE_LINK_NOT_FOUND');
  if (currentClock().now().getTime() >= Date.parse(link.expiresAt))
    throw new GoneError('UNSUBSCRIBE_LINK_EXPIRED', 'This link is too old; use the link of a newer mail.');
  const current = await subscriptionRepository.get(link.topic, link.email);
  return { link, topic: await topicName(link.topic), active: current?.value.status === 'ACTIVE' };
}

/** Ends the subscription; ending one already ended changes nothing. */
export async function unsubscribe(secret: string): Promise<{ topic: Label }> {
  const { link, topic } = await lookUpUnsubscribe(secret);
  const now = currentClock().now().toISOString();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await subscriptionRepository.get(link.topic, link.email);
    if (!current || current.value.status === 'ENDED') return { topic };
    try {
      await subscriptionRepository.replace(
        { ...current.value, status: 'ENDED', endedAt: now },
        current.revision,
      );
      return { topic };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError('SUBSCRIPTION_BUSY', 'The subscription is changing; try again.');
}

/** Whether the address follows the topic now. */
export async function isSubscribed(topic: SubscriptionTopic, email: string): Promise<boolean> {
  return (await subscriptionRepository.get(topic, email))?.value.status === 'ACTIVE';
}

/**
 * A mail to one subscriber with its own unsubscribe link, in the body (`mail` is given the URL)
 * and in the List-Unsubscribe headers that mail programs offer as a button.
 */
export async function mailSubscriber(
  subscription: Pick<Subscription, 'topic' | 'email'>,
  mail: (unsubscribeUrl: string) => RenderedMail,
  idempotencyKey: string,
): Promise<void> {
  const { secret, hash } = newSecret();
  const expiresAt = new Date(currentClock().now().getTime() + UNSUBSCRIBE_VALID_MS).toISOString();
  await subscriptionRepository.createUnsubscribeLink(hash, {
    topic: subscription.topic,
    email: subscription.email,
    expiresAt,
  });
  const url = links.unsubscribe(secret);
  const message: OutgoingMail = {
    to: [subscription.email],
    ...mail(url),
    headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    idempotencyKey,
  };
  await (await mailer()).send(message);
}

/**
 * One mail to every active subscriber of any of the topics, once per address (the first topic
 * that reaches an address is the one its unsubscribe link ends), a page of subscriptions at a time.
 * `key` names the occasion; the address completes each mail's idempotency key.
 */
export async function mailSubscribers(
  topics: readonly SubscriptionTopic[],
  mail: (subscription: Subscription, unsubscribeUrl: string) => RenderedMail,
  key: string,
): Promise<number> {
  const reached = new Set<string>();
  for (const topic of topics) {
    let cursor: string | undefined;
    do {
      const page = await subscriptionRepository.listPage(topic, {
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      for (const subscription of page.items) {
        const address = subscriberKey(subscription.email);
        if (subscription.status !== 'ACTIVE' || reached.has(address)) continue;
        reached.add(address);
        await mailSubscriber(subscription, (url) => mail(subscription, url), `${key}-${address}`);
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return reached.size;
}
