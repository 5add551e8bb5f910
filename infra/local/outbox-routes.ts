/**
 * The local outbox, where the service's mails land instead of people's inboxes: an HTML list
 * with clickable links, the list as JSON, and each raw message (message/rfc822); and its
 * suppression list, onto which `POST /_local/outbox/suppressed` {"address", "reason"} puts an
 * address as SES does when a mail to it bounces or draws a complaint.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { simpleParser } from 'mailparser';
import * as z from '#domain/zod';
import { OutboxMailer } from '#ports/mailer-outbox';
import { errorBody } from '#http/middleware/error-body';
import { html } from '#templates/escape';
import { page, PAGE_HEADERS } from '#templates/pages/layout';
import { shortWhen } from '#templates/pages/parts';
import { writeResponse } from './event-adapter.ts';
import type { LocalRoute } from './http-server.ts';

const Suppression = z.object({
  address: z.string().check(z.regex(/^[^@\s<>]+@[^@\s<>]+$/)),
  reason: z.enum(['BOUNCE', 'COMPLAINT']),
});

export function outboxRoutes(dir: string): LocalRoute {
  const outbox = new OutboxMailer(dir);
  return async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => {
    const method = req.method ?? 'GET';
    if (url.pathname === '/_local/outbox/suppressed' && method === 'POST') {
      let parsed;
      try {
        parsed = Suppression.safeParse(body.length ? JSON.parse(body.toString('utf8')) : {});
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) {
        const help = 'Send {"address": "someone@example.tw", "reason": "BOUNCE"} (or "COMPLAINT").';
        writeResponse(res, errorBody({ code: 'VALIDATION_FAILED', message: help }, 400), method);
        return true;
      }
      const entry = await outbox.suppress(parsed.data.address, parsed.data.reason);
      writeResponse(
        res,
        {
          statusCode: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(entry),
        },
        method,
      );
      return true;
    }
    if (url.pathname === '/_local/outbox/suppressed' && method === 'GET') {
      writeResponse(
        res,
        {
          statusCode: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(await outbox.suppressed()),
        },
        method,
      );
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (url.pathname === '/_local/outbox.json') {
      writeResponse(
        res,
        {
          statusCode: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(await outbox.list()),
        },
        method,
      );
      return true;
    }
    if (url.pathname === '/_local/outbox') {
      writeResponse(res, { statusCode: 200, headers: PAGE_HEADERS, body: await outboxPage(outbox) }, method);
      return true;
    }
    const match = /^\/_local\/outbox\/([^/]+)$/.exec(url.pathname);
    if (!match) return false;
    const raw = await outbox.read(decodeURIComponent(match[1]!)).catch(() => undefined);
    if (!raw) {
      writeResponse(
        res,
        errorBody({ code: 'NOT_FOUND', message: 'No such mail in the outbox.' }, 404),
        method,
      );
      return true;
    }
    if (url.searchParams.get('view') === 'html') {
      const mail = await simpleParser(raw);
      const body = html`<p>
          <strong>To:</strong>
          ${mail.to ? (Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : mail.to.text) : ''}<br /><strong
            >Subject:</strong
          >
          ${mail.subject ?? ''}<br /><strong>Date:</strong> ${mail.date?.toISOString() ?? ''}
        </p>
        <pre style="white-space:pre-wrap">${linkify(mail.text ?? '')}</pre>
        <p>
          <a href="/_local/outbox">← 寄件匣 Outbox</a> ·
          <a href="/_local/outbox/${match[1]}">原始郵件 Raw message</a>
        </p>`;
      writeResponse(
        res,
        { statusCode: 200, headers: PAGE_HEADERS, body: page({ zh: '郵件', en: 'Mail' }, body) },
        method,
      );
      return true;
    }
    writeResponse(
      res,
      {
        statusCode: 200,
        headers: { 'content-type': 'message/rfc822' },
        body: raw.toString('base64'),
        isBase64Encoded: true,
      },
      method,
    );
    return true;
  };
}

/** Text with its URLs turned into links; everything escaped. */
function linkify(text: string) {
  const parts = text.split(/(https?:\/\/[^\s)>"]+)/g);
  return parts.map((part, i) => (i % 2 === 1 ? html`<a href="${part}">${part}</a>` : html`${part}`));
}

async function outboxPage(outbox: OutboxMailer): Promise<string> {
  const entries = await outbox.list();
  const rows = entries.map(
    (e) =>
      html`<tr>
        <td>${shortWhen(e.sentAt)}</td>
        <td>${e.to.join(', ')}</td>
        <td><a href="/_local/outbox/${e.id}?view=html">${e.subject}</a></td>
      </tr>`,
  );
  return page(
    { zh: '寄件匣（本機）', en: 'Outbox (local)' },
    html`<p>
        服務寄出的郵件在本機不會真的寄出，而是保存在這裡。<span class="en" lang="en"
          >Mails the service sends are kept here instead of being delivered.</span
        >
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">寄出時間 Sent</th>
            <th scope="col">收件人 To</th>
            <th scope="col">主旨 Subject</th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length
              ? rows
              : html`<tr>
                  <td colspan="3">尚無郵件 No mail yet</td>
                </tr>`
          }
        </tbody>
      </table>`,
  );
}
