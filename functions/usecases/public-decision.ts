import type { DecisionRecord } from '#domain/records';
import type { DecisionView } from '#templates/pages/decision';

/** The decision as the public pages show it (no vote record, no PDF key). */
export function publicDecision(decision: DecisionRecord): DecisionView {
  return {
    outcome: decision.outcome,
    decidedAt: decision.decidedAt,
    tally: decision.tally,
    positions: decision.positions.map((p) => ({
      name: p.name,
      seat: p.seat,
      decision: p.decision,
      ...(p.reason ? { reason: p.reason } : {}),
    })),
    ...(decision.effectiveFrom ? { effectiveFrom: decision.effectiveFrom } : {}),
  };
}
