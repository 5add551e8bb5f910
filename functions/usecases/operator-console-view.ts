/**
 * What the operator console shows: the agency tree (each agency under its parent, top-level ones
 * first), each second-level agency's advisory group with its members and decision rule, and the
 * accounts that may act in the workspace, and the reviews that stopped (stopped-reviews.ts). Read
 * with Queries only (a few dozen items of each).
 */
import { AccountSchema, type Account } from '#domain/account';
import {
  AdvisoryGroupSchema,
  DEFAULT_DECISION_RULE,
  type AdvisoryGroup,
  type DecisionRule,
} from '#domain/advisory-group';
import { AgencySchema, type Agency } from '#domain/agency';
import { fieldLimitsOf, type FieldLimits } from '#domain/field-limits';
import { accountRepository } from '#ports/account-repository';
import { advisoryGroupRepository, agencyRepository } from '#ports/registry-repository';
import { listStoppedReviews, type StoppedReview } from './stopped-reviews.ts';

export interface AgencyNode {
  agency: Agency;
  children: AgencyNode[];
}

export interface OperatorConsoleView {
  agencies: Agency[];
  tree: AgencyNode[];
  groups: AdvisoryGroup[];
  accounts: Account[];
  stoppedReviews: StoppedReview[];
  /** What a new group's decision rule takes where the form leaves a setting empty (its hints). */
  decisionRuleDefaults: DecisionRule;
  /** Each form's `maxlength` and `required`, from the schema its route parses it with. */
  formLimits: ConsoleFormLimits;
}

export interface ConsoleFormLimits {
  agency: FieldLimits;
  group: FieldLimits;
  account: FieldLimits;
}

/** The schemas of POST /operator/agencies, /operator/advisory-groups and /operator/accounts. */
export const consoleFormLimits = (): ConsoleFormLimits => ({
  agency: fieldLimitsOf(AgencySchema),
  group: fieldLimitsOf(AdvisoryGroupSchema),
  account: fieldLimitsOf(AccountSchema),
});

/** The agencies as a forest: each under its parent, siblings by id; an unknown parent makes a root. */
export function agencyTree(agencies: readonly Agency[]): AgencyNode[] {
  const nodes = new Map(agencies.map((agency) => [agency.id, { agency, children: [] as AgencyNode[] }]));
  const roots: AgencyNode[] = [];
  for (const node of [...nodes.values()].sort((a, b) => a.agency.id.localeCompare(b.agency.id))) {
    const parent = node.agency.parentId ? nodes.get(node.agency.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export async function operatorConsoleView(): Promise<OperatorConsoleView> {
  const [agencies, accounts, stoppedReviews] = await Promise.all([
    agencyRepository.list(),
    accountRepository.list(),
    listStoppedReviews(),
  ]);
  const tree = agencyTree(agencies);
  const groups = (
    await Promise.all(tree.map((root) => advisoryGroupRepository.findByAgency(root.agency.id)))
  ).filter((g): g is AdvisoryGroup => g !== undefined);
  return {
    agencies,
    tree,
    groups,
    accounts,
    stoppedReviews,
    decisionRuleDefaults: DEFAULT_DECISION_RULE,
    formLimits: consoleFormLimits(),
  };
}
