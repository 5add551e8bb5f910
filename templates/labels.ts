/**
 * How every enumeration of the domain reads for people, in Traditional Chinese and English: the one
 * place pages, mails and PDFs take these words from. Each table is a complete
 * `Record<Enum, Label>`, so a new value fails to compile until it is worded here; the order a table
 * lists its keys is the order documents show them in (`keysOf`).
 */
import type { Seat } from '#domain/advisory-group';
import type { LocalizedText } from '#domain/common';
import type { DispositionKind, IdentityTier } from '#domain/consultation';
import type { DataClass } from '#domain/dataset';
import type { FeeLawStepKind } from '#domain/fee-law-steps';
import type { CostCategory, FeeUnit, PaymentMethod, ProposalStatus, Purpose } from '#domain/fee-proposal';
import type { CertificateStatus, RevocationReason } from '#domain/license';
import type { QUOTE_ROUNDING } from '#domain/license-quote';
import type { ActorKind, DecisionOutcome } from '#domain/records';
import type { ReviewPhase } from '#domain/review-phase';
import type { BallotDecision } from '#domain/vote-tally';

/** Text in Traditional Chinese and English. */
export type Label = LocalizedText;

/** A table's keys in the order it lists them. */
export const keysOf = <K extends string>(table: Record<K, Label>): K[] => Object.keys(table) as K[];

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, Label> = {
  DRAFT: { zh: '草案', en: 'Draft' },
  IN_CONSULTATION: { zh: '公開徵詢中', en: 'In public consultation' },
  AWAITING_RESPONSES: { zh: '徵詢截止，機關回應中', en: 'Consultation closed; the agency is answering' },
  UNDER_REVIEW: { zh: '諮詢小組審議中', en: 'Under review by the advisory group' },
  APPROVED: { zh: '審議同意（建議通過）', en: 'Approved by the advisory group' },
  ANNOUNCED: { zh: '已公告，待生效', en: 'Announced; not yet in force' },
  REJECTED: { zh: '已否決', en: 'Rejected' },
  CHANGES_REQUESTED: { zh: '請機關修正', en: 'Changes requested' },
  NOT_DECIDED: { zh: '未能作成決議', en: 'Not decided' },
  EFFECTIVE: { zh: '已生效', en: 'In force' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
};

export const DATA_CLASS_LABELS: Record<DataClass, Label> = {
  OPEN: { zh: '開放資料（免費）', en: 'Open data (free)' },
  ON_APPLICATION: { zh: '依申請提供', en: 'Provided on application' },
  NOT_PROVIDED: { zh: '不予提供', en: 'Not provided' },
};

export const DECISION_LABELS: Record<BallotDecision, Label> = {
  APPROVE: { zh: '同意', en: 'Approve' },
  REJECT: { zh: '不同意', en: 'Reject' },
  REQUEST_CHANGES: { zh: '請機關修正', en: 'Request changes' },
  RECUSE: { zh: '利益迴避', en: 'Recuse' },
};

/** One sentence under each choice on the ballot, saying what the choice does. */
export const DECISION_EXPLANATIONS: Record<BallotDecision, Label> = {
  APPROVE: {
    zh: '同意本版收費基準，建議通過；機關依規費法第 10 條完成程序並公告後，依生效日實施。',
    en: 'You approve this version of the fee schedule; once approved it takes effect on its effective date.',
  },
  REJECT: {
    zh: '不同意本收費基準；否決時案件結案，理由隨審議結果公布。',
    en: 'You reject the fee schedule; if rejected the case is closed and the reasons are published.',
  },
  REQUEST_CHANGES: {
    zh: '請機關修正後再送審；修改任何收費項目須重新公開徵詢。',
    en: 'You ask the agency to revise and resubmit; a change to any fee item means a new consultation round.',
  },
  RECUSE: {
    zh: '您與本案有利益衝突而不參與表決；不計入在任人數與出席人數。',
    en: 'You have a conflict of interest and take no part; you are not counted among the seats or the quorum.',
  },
};

/** A position in the published record: a decision, or nothing when the member did not act. */
export const NOT_VOTED: Label = { zh: '未投票', en: 'Did not vote' };

export const positionLabel = (decision: BallotDecision | null): Label =>
  decision === null ? NOT_VOTED : DECISION_LABELS[decision];

export const OUTCOME_LABELS: Record<DecisionOutcome, Label> = {
  // The group advises; under 規費法 §10 the agency sets the schedule, so never 「核定」.
  APPROVED: { zh: '同意（建議通過）', en: 'Approved (recommended to the agency)' },
  REJECTED: { zh: '否決（不同意）', en: 'Rejected' },
  CHANGES_REQUESTED: { zh: '請機關修正', en: 'Changes requested' },
  NOT_DECIDED: { zh: '未能作成決議，退回機關', en: 'Not decided; returned to the agency' },
};

export const SEAT_LABELS: Record<Seat, Label> = {
  CONVENER: { zh: '召集人', en: 'Convener' },
  AGENCY: { zh: '機關代表', en: 'Agency representative' },
  CIVIL_SOCIETY: { zh: '民間團體代表', en: 'Civil-society representative' },
  SCHOLAR: { zh: '學者專家', en: 'Scholar or expert' },
  INDUSTRY: { zh: '產業代表', en: 'Industry representative' },
};

export const COST_CATEGORY_LABELS: Record<CostCategory, Label> = {
  MEDIA: { zh: '媒體及重製', en: 'Media and reproduction' },
  PERSONNEL: { zh: '人事（工時×時薪）', en: 'Personnel (hours × rate)' },
  PROCESSING: { zh: '處理及客製化', en: 'Processing and customisation' },
  DELIVERY: { zh: '傳輸及遞送', en: 'Delivery and transmission' },
  ANONYMISATION: { zh: '去識別化處理', en: 'Anonymisation' },
  INDIRECT: { zh: '間接成本分攤', en: 'Allocated indirect cost' },
};

export const PURPOSE_LABELS: Record<Purpose, Label> = {
  COMMERCIAL: { zh: '商業利用', en: 'Commercial use' },
  NON_COMMERCIAL: { zh: '非商業利用', en: 'Non-commercial use' },
  ACADEMIC: { zh: '學術研究', en: 'Academic research' },
  PUBLIC_INTEREST: { zh: '公益用途', en: 'Public-interest use' },
};

export const PURPOSE_EXPLANATIONS: Record<Purpose, Label> = {
  COMMERCIAL: { zh: '營利事業之產品或服務。', en: 'Products or services of a business.' },
  NON_COMMERCIAL: { zh: '個人或非營利之利用。', en: 'Personal or not-for-profit use.' },
  ACADEMIC: { zh: '學校或研究機構之研究。', en: 'Research at a school or research institution.' },
  PUBLIC_INTEREST: { zh: '以公共利益為目的之利用。', en: 'Use in the public interest.' },
};

export const FEE_UNIT_LABELS: Record<FeeUnit, Label> = {
  PER_RECORD: { zh: '每筆', en: 'per record' },
  PER_FILE: { zh: '每檔', en: 'per file' },
  PER_REQUEST: { zh: '每次申請', en: 'per request' },
  PER_HOUR: { zh: '每小時', en: 'per hour' },
  PER_GB: { zh: '每 GB', en: 'per GB' },
  PER_PAGE: { zh: '每頁', en: 'per page' },
};

/** The steps of 規費法 §10 after a favourable vote. */
export const FEE_LAW_STEP_LABELS: Record<FeeLawStepKind, Label> = {
  FEE_AUTHORITY_CONSENT: { zh: '規費主管機關同意', en: 'Consent of the fee authority' },
  COUNCIL_FILING: { zh: '送民意機關備查', en: 'Filed with the representative body' },
  ANNOUNCEMENT: { zh: '公告', en: 'Announced' },
};

/** What each step's reference is: the document number of the consent or filing, the notice's number. */
export const FEE_LAW_STEP_REFERENCE_LABELS: Record<FeeLawStepKind, Label> = {
  FEE_AUTHORITY_CONSENT: { zh: '同意文號', en: 'Document number' },
  COUNCIL_FILING: { zh: '備查文號', en: 'Filing number' },
  ANNOUNCEMENT: { zh: '公告字號', en: 'Notice number' },
};

export const ROUNDING_LABELS: Record<typeof QUOTE_ROUNDING, Label> = {
  REDUCTION_ON_SUBTOTAL_ROUNDED_HALF_UP: {
    zh: '各項金額＝單價×數量（整數元）；減收金額以合計乘減收比率計算一次，四捨五入至元。',
    en: 'Each line is unit charge × quantity in whole dollars; the reduction is computed once, on the subtotal, and rounded half up to the dollar.',
  },
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, Label> = {
  BANK_TRANSFER: { zh: '銀行匯款', en: 'Bank transfer' },
  POSTAL_TRANSFER: { zh: '郵政劃撥', en: 'Postal giro transfer' },
  COUNTER: { zh: '臨櫃繳費', en: 'At the counter' },
  ONLINE: { zh: '線上繳費', en: 'Online payment' },
};

export const IDENTITY_TIER_LABELS: Record<IdentityTier, Label> = {
  ORGANIZATION: { zh: '機關團體', en: 'Organization' },
  VERIFIED_EMAIL: { zh: '電子郵件已驗證', en: 'Verified e-mail' },
  UNVERIFIED: { zh: '未驗證', en: 'Unverified' },
};

/** Marks an organisation name the commenter gave that the register does not confirm. */
export const SELF_DECLARED_LABEL: Label = { zh: '自稱', en: 'self-declared' };

export const DISPOSITION_LABELS: Record<DispositionKind, Label> = {
  ADOPTED: { zh: '採納', en: 'Adopted' },
  PARTLY_ADOPTED: { zh: '部分採納', en: 'Partly adopted' },
  NOT_ADOPTED: { zh: '不採納', en: 'Not adopted' },
};

export const ACTOR_LABELS: Record<ActorKind, Label> = {
  agency: { zh: '提案機關', en: 'The agency' },
  operator: { zh: '服務管理者', en: 'The service’s operator' },
  public: { zh: '民眾', en: 'A member of the public' },
  member: { zh: '諮詢小組委員', en: 'An advisory group member' },
  system: { zh: '本服務（自動）', en: 'The service (automatically)' },
};

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, Label> = {
  VALID: { zh: '有效', en: 'Valid' },
  REVOKED: { zh: '已撤銷', en: 'Revoked' },
  SUPERSEDED: { zh: '已由新證書取代', en: 'Superseded' },
  WITHDRAWN_DATASET: { zh: '資料集已停止提供', en: 'Dataset withdrawn' },
};

/** Why an agency marked a certificate, as the reason reads inside a sentence. */
export const REVOCATION_REASON_LABELS: Record<RevocationReason, Label> = {
  ISSUED_IN_ERROR: { zh: '誤發', en: 'issued in error' },
  SUPERSEDED: { zh: '已由新證書取代', en: 'superseded by a new certificate' },
  DATASET_WITHDRAWN: { zh: '資料集已停止提供', en: 'the dataset was withdrawn' },
  CONDITIONS_BREACHED: { zh: '違反授權條件', en: 'the conditions of the grant were breached' },
};

/** Where a restarted review enters (usecases/stopped-reviews.ts RestartFrom), inside a sentence. */
export const RESTART_FROM_LABELS: Record<ReviewPhase | 'CONSULTATION_NOTICE', Label> = {
  CONSULTATION_NOTICE: { zh: '發布公開徵詢公告', en: 'publishing the consultation notice' },
  CONSULTATION_CLOSE: { zh: '等待公開徵詢截止', en: 'waiting for the consultation to close' },
  DISPOSITIONS: { zh: '等待機關回覆所有意見', en: 'waiting for the agency to answer every comment' },
  VOTE: { zh: '開始諮詢小組投票', en: 'opening the advisory group’s vote' },
  VOTE_DECISION: { zh: '等待投票結果', en: 'waiting for the vote’s outcome' },
};

export const DECISIONS = keysOf(DECISION_LABELS);
export const IDENTITY_TIERS = keysOf(IDENTITY_TIER_LABELS);
export const DISPOSITIONS = keysOf(DISPOSITION_LABELS);
