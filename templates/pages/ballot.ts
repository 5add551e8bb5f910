/**
 * Pages behind an advisory member's ballot link (`/ballots/{secret}`): the ballot itself with the proposal,
 * its fee table and cost basis and a plain form; the page after a recorded vote; the 410 page for a link
 * that was used, expired or superseded; the 404 page for a link that is not known. No script at all:
 * opening a page records nothing, only pressing the form's button does. Each in the reader's language.
 */
import type { AgencyText } from '../agency-text.ts';
import type { BallotDecision } from '#domain/vote-tally';
import type { Seat } from '#domain/advisory-group';
import { html, type SafeHtml } from '../escape.ts';
import { type ReviewedFeeItem, type ReviewedProposal } from '../reviewed-proposal.ts';
import { costBasisIn, feeTable, reductions } from './fee-schedule.ts';
import { page } from './layout.ts';
import { fact, onDay, when } from './parts.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
import { CONTENT_STYLES } from './styles.ts';
import { DECISION_EXPLANATIONS, DECISION_LABELS, DECISIONS, SEAT_LABELS, type Label } from '../labels.ts';

export type { ReviewedFeeItem, ReviewedProposal };

export interface BallotPageView {
  member: { name: string; seat: Seat };
  proposal: ReviewedProposal;
  /** Absolute or site-relative URLs of the consultation report. */
  reportUrl: string;
  reportPdfUrl: string;
  /** ISO 8601 date-time: the ballot's deadline. */
  deadline: string;
  /** Where the form posts: the ballot's own path. */
  actionPath: string;
  /** Set when the page is shown again after a refused POST; `field` is `decision` or `reason`. */
  /** `messages`: what is wrong in both languages (functions/domain/field-errors.ts), where known. */
  error?: { message: string; field?: string; messages?: Label };
  /** What the member had chosen and written before the refused POST, so nothing is lost. */
  previous?: { decision?: BallotDecision; reason?: string };
}

export interface BallotRecordedView {
  member: { name: string };
  proposalTitle: AgencyText;
  decision: BallotDecision;
  reason: string;
  /** ISO 8601 date-time. */
  castAt: string;
  /** Where the decision is published once the vote closes. */
  decisionUrl: string;
}

export type BallotGoneReason = 'USED' | 'EXPIRED' | 'SUPERSEDED' | 'CLOSED';

export interface BallotGoneView {
  why: BallotGoneReason;
  proposalTitle?: AgencyText;
  /** The vote recorded with this link; shown when `why` is `USED`. */
  recorded?: { decision: BallotDecision; reason: string; castAt: string };
  /** ISO 8601 date-time of the (last) deadline. */
  deadline?: string;
  /** ISO 8601 date-time the vote closed; shown when `why` is `CLOSED`. */
  closedAt?: string;
  decisionUrl?: string;
}

/** Longest reason the ballot accepts (BallotInputSchema). */
const REASON_MAX = 2000;

const W = {
  deadline: { zh: '投票截止', en: 'Voting deadline' },
  yourDecision: { zh: '您的決定', en: 'Your decision' },
  reason: { zh: '理由', en: 'Reason' },
  proposal: { zh: '提案', en: 'Proposal' },
  recordedAt: { zh: '記錄時間', en: 'Recorded at' },
} satisfies Record<string, Label>;

/** Reasons are the member's own words: shown as written, or said to be absent. */
const reasonText = (reason: string, lang: Lang) =>
  reason.trim() === ''
    ? html`<span class="muted">${{ zh: '（未填寫）', en: '(none given)' }[lang]}</span>`
    : html`<span class="prewrap">${reason}</span>`;

export function ballotPage(view: BallotPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const { member, proposal } = view;
  const seat = SEAT_LABELS[member.seat];
  const errorField = view.error?.field;
  const body = html`${errorBox(view.error, lang)}
<p class="lead">${lang === 'zh' ? `${member.name} 委員，您好。` : `Dear ${member.name},`}</p>
<p>${
    lang === 'zh'
      ? `您以「${seat.zh}」身分審議下列收費基準提案。請閱覽收費項目、成本依據與公開徵詢結果報告後，於頁末投票。`
      : `You are asked, as a member of the advisory group (seat: ${seat.en}), to review the fee-schedule proposal below. Read the fee items, their cost basis and the consultation report, then vote at the end of this page.`
  }</p>
<div class="notice">
<p>${t(W.deadline)}${lang === 'zh' ? '：' : ': '}<span class="deadline">${when(view.deadline, lang)}</span></p>
<p>${t({
    zh: '開啟本頁不會記錄任何內容，只有按下「送出投票」才會記錄。本連結為您個人專屬，僅能投票一次，請勿轉寄。',
    en: 'Opening this page records nothing: only pressing “Cast my vote” does. This link is personal and can be used once; please do not forward it.',
  })}</p>
</div>

<h2>${t({ zh: '一、提案', en: 'The proposal' })}</h2>
<dl class="facts">
${fact({ zh: '收費基準名稱', en: 'Fee schedule' }, t(proposal.title), lang)}
${fact({ zh: '提案機關', en: 'Agency' }, t(proposal.agencyName), lang)}
${fact({ zh: '提案編號', en: 'Proposal' }, proposal.id, lang)}
${fact({ zh: '版次', en: 'Version' }, lang === 'zh' ? `第 ${proposal.version} 版` : `version ${proposal.version}`, lang)}
${fact({ zh: '法令依據', en: 'Legal basis' }, proposal.legalBasis, lang)}
${fact({ zh: '預定生效日', en: 'Effective from' }, onDay(proposal.effectiveFrom, lang), lang)}
</dl>

<h2>${t({ zh: '二、收費項目與成本依據', en: 'Fee items and cost basis' })}</h2>
${feeTable(proposal.items, lang)}
<p class="muted">${t({
    zh: '收費不得高於文件化單位成本；高於邊際成本（重製、提供及傳布之成本）者須敘明例外理由。',
    en: 'A charge may not exceed the documented unit cost; a charge above the marginal cost of reproduction, provision and dissemination needs a declared exception reason.',
  })}</p>
${proposal.items.map(costBasisIn(lang))}

<h2>${t({ zh: '三、差別費率', en: 'Reductions by purpose' })}</h2>
${reductions(proposal.reductions, lang)}

<h2>${t({ zh: '四、公開徵詢結果報告', en: 'Consultation report' })}</h2>
<p>${t({
    zh: '公開徵詢期間收到的每則意見及機關的處理與回覆。',
    en: 'Every comment received in the public consultation, with the agency’s disposition and reply.',
  })}</p>
<ul class="links">
<li><a href="${view.reportPdfUrl}">${t({ zh: '徵詢結果報告（PDF）', en: 'Consultation report (PDF)' })}</a></li>
<li><a href="${view.reportUrl}">${t({ zh: '徵詢結果報告', en: 'Consultation report' })}</a></li>
</ul>

<h2 id="vote">${t({ zh: '五、投票', en: 'Your vote' })}</h2>
<form method="post" action="${view.actionPath}">
<fieldset${errorField === 'decision' ? html` class="invalid"` : ''}>
<legend>${t(W.yourDecision)}</legend>
${errorField === 'decision' ? fieldError('decision-error', view.error, lang) : ''}
${DECISIONS.map((d) => choice(d, view.previous?.decision, errorField === 'decision', lang))}
</fieldset>
<label for="reason">${t(W.reason)}</label>
<p class="hint" id="reason-hint">${t({
    zh: '選擇「不同意」、「請機關修正」或「利益迴避」時必須填寫理由；選擇「同意」時可免填。理由將連同您的姓名隨審議結果公布。',
    en: 'A reason is required to reject, request changes or recuse, and optional to approve. Your position and reason are published with your name together with the decision.',
  })}</p>
${errorField === 'reason' ? fieldError('reason-error', view.error, lang) : ''}
<textarea id="reason" name="reason" rows="6" maxlength="${REASON_MAX}" aria-describedby="reason-hint${
    errorField === 'reason' ? ' reason-error' : ''
  }"${errorField === 'reason' ? html` aria-invalid="true"` : ''}>
${view.previous?.reason ?? ''}</textarea>
<div class="actions">
<button type="submit">${t({ zh: '送出投票', en: 'Cast my vote' })}</button>
<span class="muted">${t({ zh: '送出後即記錄，無法更改。', en: 'Once cast, a vote cannot be changed.' })}</span>
</div>
</form>`;
  return page({ zh: '諮詢小組審議投票', en: 'Advisory group ballot' }, body, {
    styles: CONTENT_STYLES,
    locale,
  });
}

/** What to do, for the fields the server names; its own message is shown as well. */
const FIELD_HINTS: Record<string, Label> = {
  decision: { zh: '請選擇一項決定。', en: 'Choose one of the four decisions.' },
  reason: {
    zh: `選擇「同意」以外的決定時，請填寫理由（最多 ${REASON_MAX} 字）。`,
    en: `Give a reason (up to ${REASON_MAX} characters) for any decision other than Approve.`,
  },
};

/** What is wrong in the page's language where the refusal says it, else the server's own words. */
const problemText = (error: NonNullable<BallotPageView['error']>, lang: Lang): SafeHtml =>
  error.messages ? html`${error.messages[lang]}` : html`<span lang="en">${error.message}</span>`;

const fieldError = (id: string, error: BallotPageView['error'], lang: Lang): SafeHtml =>
  error ? html`<p class="field-error" id="${id}">${problemText(error, lang)}</p>` : html``;

function errorBox(error: BallotPageView['error'], lang: Lang): SafeHtml {
  if (!error) return html``;
  const t = say(lang);
  const hint = error.field === undefined ? undefined : FIELD_HINTS[error.field];
  const target =
    error.field === 'reason' ? '#reason' : error.field === 'decision' ? '#decision-APPROVE' : '#vote';
  return html`<div class="notice warn" role="alert">
    <p><strong>${t({ zh: '您的投票尚未記錄。', en: 'Your vote has not been recorded.' })}</strong></p>
    ${hint ? html`<p>${t(hint)}</p>` : ''}
    <p>${problemText(error, lang)}</p>
    <p>
      <a href="${target}">${t({ zh: '前往表單修正', en: 'Go to the form' })}</a>
    </p>
  </div>`;
}

function choice(
  decision: BallotDecision,
  chosen: BallotDecision | undefined,
  invalid: boolean,
  lang: Lang,
): SafeHtml {
  const id = `decision-${decision}`;
  return html`<div class="choice">
    <input
      type="radio"
      id="${id}"
      name="decision"
      value="${decision}"
      required${chosen === decision ? html` checked` : ''}${invalid ? html` aria-invalid="true"` : ''}
    />
    <label for="${id}"
      ><strong>${DECISION_LABELS[decision][lang]}</strong> ${DECISION_EXPLANATIONS[decision][lang]}</label
    >
  </div>`;
}

/** 200 after a vote is recorded. */
export function ballotRecordedPage(view: BallotRecordedView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const body = html`<div class="notice ok" role="status">
      <p>
        <strong
          >${
            lang === 'zh'
              ? `${view.member.name} 委員，您的投票已記錄，謝謝。`
              : `Thank you, ${view.member.name}: your vote is recorded.`
          }</strong
        >
      </p>
    </div>
    <dl class="facts">
      ${fact(W.proposal, t(view.proposalTitle), lang)}
      ${fact(W.yourDecision, html`<strong>${t(DECISION_LABELS[view.decision])}</strong>`, lang)}
      ${fact(W.reason, reasonText(view.reason, lang), lang)}
      ${fact(W.recordedAt, when(view.castAt, lang), lang)}
    </dl>
    <p>
      ${t({
        zh: '本連結已使用，無法再次投票或更改。表決結果確定後，審議結果（含每位委員的立場及理由）將公布於：',
        en: 'This link has now been used; the vote cannot be cast again or changed. Once the result is final, the decision, with every member’s position and reason, is published at:',
      })}
    </p>
    <p><a href="${view.decisionUrl}">${view.decisionUrl}</a></p>`;
  return page({ zh: '投票已記錄', en: 'Vote recorded' }, body, { styles: CONTENT_STYLES, locale });
}

const GONE_TEXT: Record<BallotGoneReason, { heading: Label; body: Label }> = {
  USED: {
    heading: { zh: '您已投票', en: 'You have already voted' },
    body: {
      zh: '本連結已用於投票，每張選票只能投一次，已記錄的投票無法更改。',
      en: 'This link has already been used to vote. Each ballot can be cast once, and a recorded vote cannot be changed.',
    },
  },
  EXPIRED: {
    heading: { zh: '投票已截止', en: 'Voting has closed' },
    body: {
      zh: '本案投票期限已過，或表決結果已確定而提前結束，因此無法再投票。',
      en: 'The voting deadline has passed, or the result became final before it, so no further votes can be cast.',
    },
  },
  CLOSED: {
    heading: { zh: '投票已結束，您的選票未被計入', en: 'The vote closed before your ballot arrived' },
    body: {
      zh: '表決結果已確定或期限已到，投票已於下列時間結束；您的選票在結束之後才送達，因此未記錄、也未計入結果。',
      en: 'The result became final or the deadline came, and the vote closed at the time below; your ballot arrived after that, so it was not recorded and is not counted.',
    },
  },
  SUPERSEDED: {
    heading: { zh: '本連結已由新連結取代', en: 'This link has been replaced' },
    body: {
      zh: '已有較新的投票連結寄給您（例如提醒或延長通知信中的連結），或機關已修正提案、舊版選票作廢。請使用您最近收到的信件中的連結；提案若有新版本，您將另收到新版的審議資料。',
      en: 'A newer ballot link has been sent to you (for instance with a reminder or an extension notice), or the agency has revised the proposal and ballots for the earlier version are void. Use the link in the most recent mail you received; for a new version you will receive a new review packet.',
    },
  },
};

/** 410 for a ballot link that was used, expired or replaced: says which, never a raw error. */
export function ballotGonePage(view: BallotGoneView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const text = GONE_TEXT[view.why];
  const recorded = view.why === 'USED' ? view.recorded : undefined;
  const facts: SafeHtml[] = [];
  if (view.proposalTitle) facts.push(fact(W.proposal, t(view.proposalTitle), lang));
  if (recorded) {
    facts.push(
      fact(
        { zh: '已記錄的決定', en: 'Recorded decision' },
        html`<strong>${t(DECISION_LABELS[recorded.decision])}</strong>`,
        lang,
      ),
      fact(W.reason, reasonText(recorded.reason, lang), lang),
      fact(W.recordedAt, when(recorded.castAt, lang), lang),
    );
  }
  if (view.why === 'CLOSED' && view.closedAt)
    facts.push(fact({ zh: '投票結束時間', en: 'The vote closed at' }, when(view.closedAt, lang), lang));
  if (view.deadline) facts.push(fact(W.deadline, when(view.deadline, lang), lang));
  const body = html`<div class="notice ${view.why === 'USED' ? 'ok' : 'warn'}">
      <p><strong>${t(text.heading)}</strong></p>
      <p>${t(text.body)}</p>
    </div>
    ${facts.length > 0 ? html`<dl class="facts">${facts}</dl>` : ''}
    ${
      view.decisionUrl
        ? html`<p>${t({ zh: '審議結果確定後公布於：', en: 'The decision is published, once final, at:' })}</p>
            <p><a href="${view.decisionUrl}">${view.decisionUrl}</a></p>`
        : ''
    }`;
  return page({ zh: '此投票連結已無法使用', en: 'This ballot link can no longer be used' }, body, {
    styles: CONTENT_STYLES,
    locale,
  });
}

/** 404 for a ballot link that is not known. */
export function ballotUnknownPage(locale: PageLocale): string {
  const t = say(locale.lang);
  const body = html`<div class="notice warn">
      <p>
        ${t({
          zh: '找不到此投票連結。請確認網址完整：部分郵件程式會將長網址斷成兩行，請複製完整網址後再開啟。',
          en: 'This ballot link is not known. Check that the address is complete: some mail programs break long addresses over two lines, so copy the whole address and open it again.',
        })}
      </p>
    </div>
    <p>
      ${t({
        zh: '投票連結為每位委員個人專屬，請使用寄給您本人的信件中的連結，不要使用他人轉寄的連結。',
        en: 'Ballot links are personal to each member: use the link in the mail sent to you, not one forwarded by someone else.',
      })}
    </p>`;
  return page({ zh: '找不到投票連結', en: 'Ballot link not found' }, body, {
    styles: CONTENT_STYLES,
    locale,
  });
}
