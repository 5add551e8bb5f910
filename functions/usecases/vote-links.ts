/**
 * Issuing a member's personal ballot link: a fresh secret replaces the ballot's stored hash, so
 * only the newest link mailed opens the ballot (older ones answer "superseded").
 */
import type { Ballot } from '#domain/ballot';
import { ballotRepository } from '#ports/ballot-repository';
import { newSecret } from '#ports/secrets';
import type { Versioned } from '#ports/versioned';
import { links } from './links.ts';

export async function issueLink(
  current: Versioned<Ballot>,
  expiresAt: string,
): Promise<{ ballot: Ballot; url: string; hash: string }> {
  const { secret, hash } = newSecret();
  await ballotRepository.addSecret(
    hash,
    {
      proposalId: current.value.proposalId,
      version: current.value.version,
      memberId: current.value.memberId,
    },
    expiresAt,
  );
  const ballot: Ballot = { ...current.value, secretHash: hash };
  await ballotRepository.replace(ballot, current.revision);
  return { ballot, url: links.ballot(secret), hash };
}

/**
 * Records on the ballot that the mail with its newest link went out (`mark`), unless a newer link
 * replaced that one meanwhile: the record then belongs to the newer link's mail.
 */
export async function markLinkMailed(linked: Ballot, mark: (ballot: Ballot) => Ballot): Promise<void> {
  const latest = await ballotRepository.get(linked.proposalId, linked.version, linked.memberId);
  if (latest && latest.value.secretHash === linked.secretHash)
    await ballotRepository.replace(mark(latest.value), latest.revision);
}
