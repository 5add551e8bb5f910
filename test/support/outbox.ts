/** Reads the local runtime's outbox over HTTP and parses each mail as a mail client would. */
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';

export interface OutboxEntry {
  id: string;
  to: string[];
  subject: string;
  sentAt: string;
}

export async function outbox(baseUrl: string): Promise<OutboxEntry[]> {
  const res = await fetch(`${baseUrl}/_local/outbox.json`);
  if (!res.ok) throw new Error(`outbox.json answered ${res.status}`);
  return (await res.json()) as OutboxEntry[];
}

export async function readMail(baseUrl: string, id: string): Promise<ParsedMail> {
  const res = await fetch(`${baseUrl}/_local/outbox/${encodeURIComponent(id)}`);
  if (!res.ok) throw new Error(`outbox/${id} answered ${res.status}`);
  return simpleParser(Buffer.from(await res.arrayBuffer()));
}

/** Mails to one address, oldest first, parsed. */
export async function mailsTo(baseUrl: string, address: string): Promise<ParsedMail[]> {
  const entries = (await outbox(baseUrl)).filter((e) => e.to.includes(address)).reverse();
  return Promise.all(entries.map((e) => readMail(baseUrl, e.id)));
}

export function linksIn(mail: ParsedMail): string[] {
  return [...(mail.text ?? '').matchAll(/https?:\/\/[^\s)>"]+/g)].map((m) => m[0]);
}

/** The secrets of the links under `/<prefix>/` mailed to `email`, oldest first, each once. */
export async function linkSecrets(baseUrl: string, email: string, prefix: string): Promise<string[]> {
  const secrets = (await mailsTo(baseUrl, email))
    .flatMap(linksIn)
    .map((l) => new RegExp(`/${prefix}/([A-Za-z0-9_-]{32})$`).exec(l)?.[1])
    .filter((s): s is string => s !== undefined);
  return [...new Set(secrets)];
}
