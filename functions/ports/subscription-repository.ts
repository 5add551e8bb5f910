/**
 * Subscriptions by topic and address, with the two kinds of mailed link that act on one: the
 * confirmation (double opt-in) and the unsubscribe link each mail carries. Links are stored by the
 * hash of their secret only (secrets.ts); each mail gets its own unsubscribe link.
 */
import type { Subscription, SubscriptionTopic } from '#domain/subscription';
import { subscriberKey } from '#domain/subscription';
import { createItem, getItem, queryPage, replaceItem } from './dynamo/table.ts';
import {
  subscriberKeys,
  subscriptionTopicKey,
  subscribersPartition,
  subscriptionConfirmationKeys,
  unsubscribeLinkKeys,
} from './dynamo/keys.ts';

/** The topic as keys spell it. */
export const topicKey = subscriptionTopicKey;

/** What a mailed link points at: one subscription. */
export interface SubscriptionLink {
  topic: SubscriptionTopic;
  email: string;
  expiresAt: string;
  /** Confirmation links: when it was used. */
  usedAt?: string;
}

const ttl = (expiresAt: string) => ({ expiresAtEpoch: Math.floor(Date.parse(expiresAt) / 1000) + 86_400 });

export const subscriptionRepository = {
  async get(topic: SubscriptionTopic, email: string) {
    const item = await getItem<Subscription>(subscriberKeys(topicKey(topic), subscriberKey(email)));
    return item && { value: item.data, revision: item.revision };
  },
  /** A subscription not yet held (a conflict when another request just created it). */
  async create(subscription: Subscription): Promise<void> {
    await createItem(
      subscriberKeys(topicKey(subscription.topic), subscriberKey(subscription.email)),
      subscription,
      { code: 'SUBSCRIPTION_EXISTS', message: 'This address has just asked for this subscription.' },
    );
  },
  async replace(subscription: Subscription, revision: number): Promise<void> {
    await replaceItem(
      subscriberKeys(topicKey(subscription.topic), subscriberKey(subscription.email)),
      subscription,
      revision,
      { code: 'SUBSCRIPTION_CHANGED', message: 'The subscription changed meanwhile; try again.' },
    );
  },
  /** One page of a topic's subscriptions, in any status. */
  async listPage(topic: SubscriptionTopic, options: { limit: number; cursor?: string }) {
    const page = await queryPage<Subscription>({
      partition: subscribersPartition(topicKey(topic)),
      limit: options.limit,
      ...(options.cursor ? { cursor: options.cursor } : {}),
    });
    return { items: page.items.map((i) => i.data), cursor: page.cursor };
  },

  async createConfirmation(hash: string, link: SubscriptionLink): Promise<void> {
    await createItem(
      subscriptionConfirmationKeys(hash),
      link,
      { code: 'LINK_EXISTS', message: 'This link exists.' },
      ttl(link.expiresAt),
    );
  },
  async getConfirmation(hash: string) {
    const item = await getItem<SubscriptionLink>(subscriptionConfirmationKeys(hash));
    return item && { value: item.data, revision: item.revision };
  },
  async useConfirmation(hash: string, link: SubscriptionLink, revision: number): Promise<void> {
    await replaceItem(subscriptionConfirmationKeys(hash), link, revision, {
      code: 'LINK_USED',
      message: 'This link was used already.',
    });
  },

  async createUnsubscribeLink(hash: string, link: SubscriptionLink): Promise<void> {
    await createItem(
      unsubscribeLinkKeys(hash),
      link,
      { code: 'LINK_EXISTS', message: 'This link exists.' },
      ttl(link.expiresAt),
    );
  },
  async getUnsubscribeLink(hash: string): Promise<SubscriptionLink | undefined> {
    return (await getItem<SubscriptionLink>(unsubscribeLinkKeys(hash)))?.data;
  },
};
