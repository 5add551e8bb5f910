/**
 * Every key of the single table, built from named parts in one place. Reading this file tells
 * each access pattern; no other module spells a key (a lint rule in eslint.config.js keeps it so).
 */
import { encodeTime } from 'ulid';
import { awaitsAnswer } from '#domain/consultation';
import type { Keys } from './table.ts';
import type { SubscriptionTopic } from '#domain/subscription';

/** Fixed-width sortable number, so "revision 10" sorts after "revision 9". */
export const pad = (n: number, width = 4) => String(n).padStart(width, '0');

export const agencyKeys = (id: string, parentId?: string): Keys => ({
  pk: `AGENCY#${id}`,
  sk: 'AGENCY',
  gsi1pk: 'AGENCIES', // all agencies, by id
  gsi1sk: id,
  ...(parentId ? { gsi2pk: `AGENCY#${parentId}#CHILDREN`, gsi2sk: id } : {}), // children of an agency
});
export const agencyListPartition = 'AGENCIES';

export const organizationKeys = (id: string): Keys => ({
  pk: `ORGANIZATION#${id}`,
  sk: 'ORGANIZATION',
  gsi1pk: 'ORGANIZATIONS', // the whole register, by id (a few hundred at most)
  gsi1sk: id,
});
export const organizationListPartition = 'ORGANIZATIONS';

export const advisoryGroupKey = (id: string) => ({ pk: `GROUP#${id}`, sk: 'GROUP' });
export const advisoryGroupKeys = (id: string, agencyId: string): Keys => ({
  ...advisoryGroupKey(id),
  gsi1pk: `AGENCY#${agencyId}#GROUPS`, // the group of a second-level agency
  gsi1sk: id,
});
export const groupsOfAgencyPartition = (agencyId: string) => `AGENCY#${agencyId}#GROUPS`;

export const datasetKey = (id: string) => ({ pk: `DATASET#${id}`, sk: 'DATASET' });
export const datasetKeys = (id: string, agencyId: string): Keys => ({
  ...datasetKey(id),
  gsi1pk: `AGENCY#${agencyId}#DATASETS`, // datasets by agency
  gsi1sk: id,
});
export const datasetsOfAgencyPartition = (agencyId: string) => `AGENCY#${agencyId}#DATASETS`;

/**
 * A proposal's own item. gsi1 lists proposals by status, ordered by the consultation's closing
 * date (open consultations by closing date); gsi2 lists an agency's proposals by status.
 */
export const proposalKeys = (p: {
  id: string;
  agencyId: string;
  status: string;
  createdAt: string;
  consultation?: { closesAt: string };
}): Keys => ({
  ...proposalKey(p.id),
  gsi1pk: proposalsByStatusPartition(p.status),
  gsi1sk: `${p.consultation?.closesAt ?? p.createdAt}#${p.id}`,
  gsi2pk: proposalsOfAgencyPartition(p.agencyId),
  gsi2sk: `${proposalsOfAgencyStatusPrefix(p.status)}${p.createdAt}#${p.id}`,
});
export const proposalPartition = (id: string) => `PROPOSAL#${id}`;
export const proposalKey = (id: string) => ({ pk: proposalPartition(id), sk: 'PROPOSAL' });
export const proposalsByStatusPartition = (status: string) => `PROPOSALS#${status}`;
export const proposalsOfAgencyPartition = (agencyId: string) => `AGENCY#${agencyId}#PROPOSALS`;
/** The part of gsi2's sort key that picks one status among an agency's proposals. */
export const proposalsOfAgencyStatusPrefix = (status: string) => `${status}#`;
/**
 * The full keys of the proposal at `position` (its gsi1 sort key) in the list of a status, which
 * a query continues after: the position ends with the proposal's id.
 */
export const proposalsByStatusStart = (status: string, position: string): Keys => ({
  ...proposalKey(position.slice(position.lastIndexOf('#') + 1)),
  gsi1pk: proposalsByStatusPartition(status),
  gsi1sk: position,
});

/** Comments, events and ballots live in the proposal's partition: one Query reads them all. */
export const commentPrefix = 'COMMENT#';
export const commentKey = (proposalId: string, commentId: string) => ({
  pk: proposalPartition(proposalId),
  sk: `${commentPrefix}${commentId}`,
});
/**
 * The sort keys of the comments received after `after` up to `upTo`: comment ids are ULIDs, whose
 * first ten characters are the time they were made, so a time window is a key range.
 */
export const commentsReceivedRange = (after: Date, upTo: Date) => ({
  from: `${commentPrefix}${encodeTime(after.getTime() + 1, 10)}`,
  to: `${commentPrefix}${encodeTime(upTo.getTime(), 10)}~`,
});
/**
 * A comment's item. gsi1 lists the copies of one campaign text in a round, so answering a
 * campaign reads its copies and nothing else; gsi2, set only while the comment has no answer,
 * lists the round's unanswered comments, so "is any left?" reads one item, however many there are.
 */
export const commentKeys = (c: {
  proposalId: string;
  id: string;
  round: number;
  campaignKey: string;
  disposition?: unknown;
}): Keys => ({
  ...commentKey(c.proposalId, c.id),
  gsi1pk: campaignCopiesPartition(c.proposalId, c.round, c.campaignKey),
  gsi1sk: c.id,
  ...(awaitsAnswer(c) ? { gsi2pk: unansweredCommentsPartition(c.proposalId, c.round), gsi2sk: c.id } : {}),
});
export const campaignCopiesPartition = (proposalId: string, round: number, campaignKey: string) =>
  `PROPOSAL#${proposalId}#R${pad(round)}#CAMPAIGN#${campaignKey}`;
export const unansweredCommentsPartition = (proposalId: string, round: number) =>
  `PROPOSAL#${proposalId}#R${pad(round)}#UNANSWERED`;
export const eventPrefix = 'EVENT#';
export const eventKeys = (proposalId: string, eventId: string): Keys => ({
  pk: proposalPartition(proposalId),
  sk: `${eventPrefix}${eventId}`,
});

/** How many comments one consultation round of a proposal took (its cap's counter). */
export const commentCountKeys = (proposalId: string, round: number): Keys => ({
  pk: proposalPartition(proposalId),
  sk: `COMMENT_COUNT#r${pad(round)}`,
});

/** A stored response for an Idempotency-Key, scoped to the route and the caller. */
export const idempotencyKeys = (scope: string, key: string): Keys => ({
  pk: `IDEMPOTENCY#${scope}#${key}`,
  sk: 'IDEMPOTENCY',
});

/** A member's ballot on one proposal version, in the proposal's partition: one Query tallies a vote. */
export const ballotKeys = (proposalId: string, version: number, memberId: string): Keys => ({
  pk: proposalPartition(proposalId),
  sk: `BALLOT#v${pad(version)}#${memberId}`,
});
export const ballotPrefix = (version: number) => `BALLOT#v${pad(version)}#`;

/**
 * Whether one proposal version's vote is open, and the votes cast in it: every ballot write and
 * the closing write meet on this one item, so a vote is counted exactly when its write succeeded.
 */
export const voteKeys = (proposalId: string, version: number): Keys => ({
  pk: proposalPartition(proposalId),
  sk: `VOTE#v${pad(version)}`,
});

/** The hash of a ballot link's secret → the ballot it opens (the secret itself is never stored). */
export const ballotSecretKeys = (secretHash: string): Keys => ({
  pk: `BALLOT_SECRET#${secretHash}`,
  sk: 'BALLOT_SECRET',
});

/**
 * A license request. gsi1 lists the providing agency's requests in one status (what waits for its
 * payment confirmation, its issued licenses), gsi2 a licensee's (by the e-mail address in lower
 * case); both sort by the time of the request.
 */
export const licenseKey = (id: string) => ({ pk: `LICENSE#${id}`, sk: 'LICENSE' });
export const licenseKeys = (l: {
  id: string;
  agencyId: string;
  status: string;
  licenseeEmail: string;
  requestedAt: string;
}): Keys => ({
  ...licenseKey(l.id),
  gsi1pk: licensesOfAgencyPartition(l.agencyId, l.status),
  gsi1sk: `${l.requestedAt}#${l.id}`,
  gsi2pk: licensesOfLicenseePartition(l.licenseeEmail),
  gsi2sk: `${l.requestedAt}#${l.id}`,
});
export const licensesOfAgencyPartition = (agencyId: string, status: string) =>
  `AGENCY#${agencyId}#LICENSES#${status}`;
/** Where a page of an agency's licenses in a status continues: after the license at `position` (its gsi1sk). */
export const licensesOfAgencyStart = (agencyId: string, status: string, position: string): Keys => ({
  ...licenseKey(position.slice(position.lastIndexOf('#') + 1)),
  gsi1pk: licensesOfAgencyPartition(agencyId, status),
  gsi1sk: position,
});
export const licensesOfLicenseePartition = (email: string) => `LICENSEE#${email.toLowerCase()}#LICENSES`;

/**
 * Which license holds the grant of one licensee (e-mail, lower case) for one dataset version: the
 * item that keeps it to one certificate each. The version is encoded, since it is free text.
 */
export const licenseHolderKeys = (datasetId: string, version: string, email: string): Keys => ({
  pk: `LICENSEE#${email.toLowerCase()}`,
  sk: `GRANT#${datasetId}#${encodeURIComponent(version)}`,
});

/** The hash of a comment's e-mail verification link's secret → the comment it confirms. */
export const commentVerificationKeys = (secretHash: string): Keys => ({
  pk: `VERIFY#${secretHash}`,
  sk: 'VERIFY',
});

/** The hash of a license confirmation link's secret → the license request it confirms. */
export const licenseConfirmationKeys = (secretHash: string): Keys => ({
  pk: `LICENSE_CONFIRMATION#${secretHash}`,
  sk: 'LICENSE_CONFIRMATION',
});

/** The hash of a "my licenses" link's secret → the address whose licenses it lists. */
export const myLicensesLinkKeys = (secretHash: string): Keys => ({
  pk: `MY_LICENSES_LINK#${secretHash}`,
  sk: 'MY_LICENSES_LINK',
});

/** A subscription's topic as its partition names it. */
export const subscriptionTopicKey = (topic: SubscriptionTopic): string => {
  switch (topic.kind) {
    case 'ALL':
      return 'ALL';
    case 'DATASET':
      return `DATASET#${topic.datasetId}`;
    case 'PROPOSAL':
      return `PROPOSAL#${topic.proposalId}`;
  }
};

/** One address's subscription to one topic (subscriptionTopicKey spells the topic). */
export const subscribersPartition = (topic: string) => `SUBSCRIBERS#${topic}`;
export const subscriberKeys = (topic: string, email: string): Keys => ({
  pk: subscribersPartition(topic),
  sk: `SUBSCRIBER#${email}`,
});

/** The hash of a subscription's confirmation link's secret → the subscription it starts. */
export const subscriptionConfirmationKeys = (secretHash: string): Keys => ({
  pk: `SUBSCRIPTION_CONFIRMATION#${secretHash}`,
  sk: 'SUBSCRIPTION_CONFIRMATION',
});

/** The hash of one mail's unsubscribe link's secret → the subscription it ends. */
export const unsubscribeLinkKeys = (secretHash: string): Keys => ({
  pk: `UNSUBSCRIBE_LINK#${secretHash}`,
  sk: 'UNSUBSCRIBE_LINK',
});

/** A certificate by its number; gsi1 lists a dataset's certificates by number. */
export const certificateKey = (number: string) => ({ pk: `CERTIFICATE#${number}`, sk: 'CERTIFICATE' });
export const certificateKeys = (number: string, datasetId: string): Keys => ({
  ...certificateKey(number),
  gsi1pk: certificatesOfDatasetPartition(datasetId),
  gsi1sk: number,
});
export const certificatesOfDatasetPartition = (datasetId: string) => `DATASET#${datasetId}#CERTIFICATES`;

/**
 * The last certificate sequence number of one kind given out in a year. OGDL certificates keep the
 * counter of the years when one sequence ran across both kinds, so their numbers continue it.
 */
export const certificateCounterKeys = (prefix: 'OGDL' | 'APL', year: number): Keys => ({
  pk: prefix === 'OGDL' ? `CERTIFICATE_COUNTER#${year}` : `CERTIFICATE_COUNTER#${year}#${prefix}`,
  sk: 'COUNTER',
});

/**
 * How many times one subject (a source address, a recipient — hashed, never in clear) used a
 * limit in one window; removed by TTL after the window.
 */
export const rateCounterKeys = (limit: string, subjectHash: string, windowStart: string): Keys => ({
  pk: `RATE#${limit}#${subjectHash}`,
  sk: `WINDOW#${windowStart}`,
});

/**
 * A deadline kept as an item, as the local runtime keeps them (on AWS they are EventBridge
 * schedules); gsi1 lists them all by their time, so the due ones are one key range.
 */
const deadlinePrefix = 'DEADLINE#';
export const deadlineKey = (name: string) => ({ pk: `${deadlinePrefix}${name}`, sk: 'DEADLINE' });
export const deadlinesDuePartition = 'DEADLINES';
export const deadlineKeys = (deadline: { name: string; at: string }): Keys => ({
  ...deadlineKey(deadline.name),
  gsi1pk: deadlinesDuePartition,
  gsi1sk: `${deadline.at}#${deadline.name}`,
});
/** The end of the key range of the deadlines due at or before `now`. */
export const deadlinesDueUpTo = (now: Date) => `${now.toISOString()}#\uffff`;
export const isDeadlinePartition = (pk: string) => pk.startsWith(deadlinePrefix);

/**
 * A workspace session, by the SHA-256 of the random id its cookie holds (the id itself is never
 * stored, so a read of the table cannot be replayed as a cookie). It carries the TTL attribute.
 */
export const sessionKeys = (idHash: string): Keys => ({ pk: `SESSION#${idHash}`, sk: 'SESSION' });

/**
 * Who may act in the workspace (functions/domain/account.ts), by the identity provider's subject;
 * gsi1 lists every account (a few dozen), gsi2 an agency's.
 */
export const accountKeys = (sub: string, agencyId?: string): Keys => ({
  pk: `ACCOUNT#${sub}`,
  sk: 'ACCOUNT',
  gsi1pk: accountListPartition,
  gsi1sk: sub,
  ...(agencyId ? { gsi2pk: `AGENCY#${agencyId}#ACCOUNTS`, gsi2sk: sub } : {}),
});
export const accountListPartition = 'ACCOUNTS';

/** A keyed mail that went out (ports/mailer-once.ts), by its idempotency key. It carries the TTL attribute. */
export const sentMailKeys = (idempotencyKey: string): Keys => ({ pk: `MAIL#${idempotencyKey}`, sk: 'SENT' });
