/**
 * How the audit trail reads for people: what each recorded event means and who acted, in both
 * languages. Event types are the service's own names (some composed: `DECIDED_<outcome>`,
 * `<step>_RECORDED`, `STEP_RELEASED_<step>`), so a type this table does not know still reads as a
 * recorded step rather than as its internal name.
 */
import type { FeeLawStepKind } from '#domain/fee-law-steps';
import { FEE_LAW_STEP_LABELS, OUTCOME_LABELS, type Label } from './labels.ts';
import type { DecisionOutcome } from '#domain/records';

const EVENT_LABELS: Record<string, Label> = {
  DRAFTED: { zh: '機關建立草案', en: 'The agency drafted the proposal' },
  EDITED: { zh: '機關修改草案', en: 'The agency edited the proposal' },
  SUBMITTED: { zh: '機關提出提案，開始公開徵詢', en: 'The agency submitted it; the consultation opened' },
  RESUBMITTED_FOR_CONSULTATION: {
    zh: '機關提出修正版，重新公開徵詢',
    en: 'The agency submitted a revision for a new consultation',
  },
  RESUBMITTED_FOR_VOTE: {
    zh: '機關提出修正版，送諮詢小組審議',
    en: 'The agency submitted a revision for the advisory group’s vote',
  },
  NOTICE_PUBLISHED: { zh: '公開徵詢公告發布', en: 'The consultation notice was published' },
  COMMENT_RECEIVED: { zh: '收到意見', en: 'A comment was received' },
  COMMENT_ANSWERED: { zh: '機關回覆意見', en: 'The agency answered a comment' },
  CONSULTATION_EXTENDED: { zh: '公開徵詢延長', en: 'The consultation was extended' },
  CONSULTATION_CLOSED: { zh: '公開徵詢截止', en: 'The consultation closed' },
  CONSULTATION_REPORT_PUBLISHED: {
    zh: '公開徵詢結果報告公布',
    en: 'The consultation report was published',
  },
  VOTE_OPENED: { zh: '審議資料寄送委員，開始投票', en: 'The review packet was sent; the vote opened' },
  VOTE_CAST: { zh: '委員投票', en: 'A member voted' },
  VOTE_EXTENDED: { zh: '投票期限延長', en: 'The vote was extended' },
  SCHEDULE_TOOK_EFFECT: { zh: '收費基準生效', en: 'The fee schedule took effect' },
  REVIEW_STOPPED: { zh: '審議流程中止', en: 'The review process stopped' },
  REVIEW_RESTARTED: { zh: '維運人員重新啟動審議流程', en: 'An operator restarted the review process' },
  WITHDRAWN: { zh: '機關撤回提案', en: 'The agency withdrew the proposal' },
  REVIEW_ENDED_ON_WITHDRAWAL: {
    zh: '提案撤回，審議流程結束',
    en: 'The proposal was withdrawn; the review ended',
  },
  STEP_RELEASED_CONSULTATION_CLOSE: {
    zh: '徵詢截止，流程續行',
    en: 'The consultation closed; the review moved on',
  },
  STEP_RELEASED_DISPOSITIONS: {
    zh: '每則意見皆已回覆，流程續行',
    en: 'Every comment was answered; the review moved on',
  },
  STEP_RELEASED_VOTE: {
    zh: '投票結果確定，流程續行',
    en: 'The vote’s result was final; the review moved on',
  },
};

const OTHER_EVENT: Label = { zh: '其他處理紀錄', en: 'Another recorded step' };

/** What an event of the trail means. */
export function eventLabel(type: string): Label {
  const decided = /^DECIDED_(.+)$/.exec(type)?.[1];
  if (decided && decided in OUTCOME_LABELS) {
    const outcome = OUTCOME_LABELS[decided as DecisionOutcome];
    return { zh: `審議結果：${outcome.zh}`, en: `The advisory group decided: ${outcome.en}` };
  }
  const step = /^(.+)_RECORDED$/.exec(type)?.[1];
  if (step && step in FEE_LAW_STEP_LABELS) {
    const label = FEE_LAW_STEP_LABELS[step as FeeLawStepKind];
    return { zh: `機關登錄：${label.zh}`, en: `The agency recorded: ${label.en}` };
  }
  return EVENT_LABELS[type] ?? OTHER_EVENT;
}
