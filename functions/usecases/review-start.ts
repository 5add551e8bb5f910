/** The stored part of a review execution's input (records.ts ReviewStart), without the proposal id. */
import type { ReviewStart } from '#domain/records';
import type { ReviewRef } from '#ports/workflow';

export function reviewStartOf({ proposalId: _id, ...start }: ReviewRef): ReviewStart {
  return start;
}
