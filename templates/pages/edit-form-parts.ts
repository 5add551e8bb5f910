/**
 * What the workspace's edit forms share: the notice after a save and the error summary's title
 * (the proposal editor, the console's agency and group edits), and for the console's edits the way
 * back to the console and the 409 page when someone else saved the same record after the form was
 * read (each of those saves is conditional on the revision the form carries).
 */
import { html, type SafeHtml } from '../escape.ts';
import type { Label } from '../labels.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { workspacePage, type WorkspaceFrame } from './workspace.ts';

export function savedNotice(saved: boolean | undefined): SafeHtml | '' {
  return saved
    ? html`<div class="notice ok" role="status">
        <p><strong>已儲存。</strong> <strong lang="en">Saved.</strong></p>
      </div>`
    : '';
}

/** The link back to the console's section (`#agencies`, `#groups`) the record is listed in. */
export function backToConsole(section: string): SafeHtml {
  return html`<p>
    <a href="/operator#${section}">← 回到維運管理 <span lang="en">Back to the console</span></a>
  </p>`;
}

export const NOT_SAVED: Label = { zh: '尚未儲存：請修正下列欄位', en: 'Not saved: fix the fields below' };

/** 409: another edit of the record was saved since this form was read; nothing was saved from this one. */
export function changedElsewherePage(frame: WorkspaceFrame, path: string, record: Label): string {
  const body = html`<div class="notice" role="alert">
      <p>此${record.zh}在您開啟表單後已被他人修改，本次修改未儲存。請重新載入，確認目前內容後再修改。</p>
      <p class="en" lang="en">
        Someone else saved this ${record.en} after you opened the form, so your changes were not saved. Reload
        it, check what it holds now, and make your change again.
      </p>
    </div>
    <p>
      <a href="${path}">重新載入${record.zh} <span lang="en">Reload the ${record.en}</span></a>
    </p>`;
  return workspacePage(frame, { zh: `${record.zh}已被修改`, en: `The ${record.en} was changed` }, body, {
    current: '/operator',
    styles: PUBLIC_STYLES,
  });
}
