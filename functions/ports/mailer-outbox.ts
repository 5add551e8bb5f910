/**
 * The local mailer: every mail becomes `<dir>/<id>.eml` (the exact MIME, openable in any mail
 * client) plus `<dir>/<id>.json` with what the outbox page lists. Ids are ULIDs taken from the
 * runtime's clock, so sorting ids sorts by sending time, even when the local clock is advanced.
 * The sidecar is written last and is what `list()` reads: a mail interrupted halfway never shows.
 *
 * Like SES with the stack's configuration set, the outbox honours a suppression list
 * (`<dir>/suppressed.json`): an address that bounced or complained gets nothing more. Locally an
 * address is put on it by `POST /_local/outbox/suppressed`, as SES does on a bounce or complaint.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import { ValidationError } from '#domain/errors';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import { createFileExclusive, isErrno, writeFileAtomic } from './atomic-file.ts';
import { log } from './log.ts';
import { buildMime, senderDomain } from './mail-message.ts';
import type { Mailer, OutgoingMail } from './mailer.ts';

export interface OutboxEntry {
  id: string;
  to: string[];
  subject: string;
  sentAt: string;
}

interface Sidecar extends OutboxEntry {
  replyTo?: string;
  tags?: Record<string, string>;
  idempotencyKey?: string;
}

/** Why an address is suppressed: SES's two reasons. */
export type SuppressionReason = 'BOUNCE' | 'COMPLAINT';

export interface SuppressedAddress {
  address: string;
  reason: SuppressionReason;
  at: string;
}

/** `林小華 <hua@example.tw>` → `hua@example.tw`; addresses compare without case, as SES's list does. */
const bareAddress = (value: string) => (/<([^<>]+)>\s*$/.exec(value)?.[1] ?? value).trim().toLowerCase();

export interface OutboxMailerOptions {
  /** The From header, as SES would be configured with. */
  from?: string;
}

const DEFAULT_FROM = 'OGDL 收費審議 <no-reply@ogdl.localhost>';
/** Crockford base32, 26 characters: the only names `read()` will open. */
const OUTBOX_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const SIDECAR_NAME = /^([0-9A-HJKMNP-TV-Z]{26})\.json$/;
const SUPPRESSION_FILE = 'suppressed.json';

export class OutboxMailer implements Mailer {
  private readonly from: string;
  private readonly nextId = monotonicFactory();
  /** Same-key sends in this process wait for the first instead of racing it. */
  private readonly inFlight = new Map<string, Promise<{ messageId: string }>>();

  constructor(
    private readonly dir: string,
    private readonly clock: Clock = systemClock,
    options: OutboxMailerOptions = {},
  ) {
    this.from = options.from ?? DEFAULT_FROM;
  }

  async send(requested: OutgoingMail): Promise<{ messageId: string }> {
    const suppressed = new Set((await this.suppressed()).map((s) => s.address));
    const to = requested.to.filter((address) => !suppressed.has(bareAddress(address)));
    if (to.length < requested.to.length)
      log.info('mail suppressed', {
        suppressed: requested.to.length - to.length,
        subject: requested.subject,
      });
    // SES accepts a mail to suppressed addresses and delivers it to none of them.
    if (to.length === 0) return { messageId: this.newId() };
    const mail = { ...requested, to };
    const key = mail.idempotencyKey;
    if (key === undefined) return this.write(this.newId(), mail);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const sending = this.sendOnce(key, mail).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, sending);
    return sending;
  }

  /** The suppression list, oldest first. */
  async suppressed(): Promise<SuppressedAddress[]> {
    try {
      return JSON.parse(await readFile(join(this.dir, SUPPRESSION_FILE), 'utf8')) as SuppressedAddress[];
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return [];
      throw error;
    }
  }

  /** Puts an address on the suppression list (again: its newest reason stands). */
  async suppress(address: string, reason: SuppressionReason): Promise<SuppressedAddress> {
    const entry = { address: bareAddress(address), reason, at: this.clock.now().toISOString() };
    const others = (await this.suppressed()).filter((s) => s.address !== entry.address);
    await writeFileAtomic(
      join(this.dir, SUPPRESSION_FILE),
      `${JSON.stringify([...others, entry], null, 2)}\n`,
    );
    return entry;
  }

  /** Newest first. */
  async list(): Promise<OutboxEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return [];
      throw error;
    }
    const ids = names
      .map((name) => SIDECAR_NAME.exec(name)?.[1])
      .filter((id): id is string => id !== undefined)
      .sort()
      .reverse();
    const entries = await Promise.all(ids.map((id) => this.readSidecar(id)));
    return entries
      .filter((entry): entry is Sidecar => entry !== undefined)
      .map(({ id, to, subject, sentAt }) => ({ id, to, subject, sentAt }));
  }

  /**
   * The raw `.eml` of one mail, or undefined when no such mail exists. An id that is not of the
   * outbox's own form is refused before it comes near the file system (it reaches here from a URL).
   */
  async read(id: string): Promise<Buffer | undefined> {
    if (!OUTBOX_ID.test(id)) throw new ValidationError(`'${id.slice(0, 40)}' is not an outbox id.`);
    try {
      return await readFile(join(this.dir, `${id}.eml`));
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return undefined;
      throw error;
    }
  }

  private newId(): string {
    return this.nextId(this.clock.now().getTime());
  }

  /**
   * The key is claimed first, by creating `keys/<hash>` holding the id. Whoever finds a claim
   * uses its id: if that mail is complete nothing is written; if the sender died before finishing,
   * the mail is written now under the claimed id, so a retry delivers it exactly once.
   */
  private async sendOnce(key: string, mail: OutgoingMail): Promise<{ messageId: string }> {
    const claimPath = join(this.dir, 'keys', createHash('sha256').update(key, 'utf8').digest('hex'));
    let id = this.newId();
    if (!(await createFileExclusive(claimPath, id))) {
      id = (await readFile(claimPath, 'utf8')).trim();
      if (!OUTBOX_ID.test(id)) throw new Error(`Outbox claim ${claimPath} is corrupt.`);
      if (await this.readSidecar(id)) return { messageId: id };
    }
    return this.write(id, mail);
  }

  private async write(id: string, mail: OutgoingMail): Promise<{ messageId: string }> {
    const now = this.clock.now();
    const mime = await buildMime(mail, {
      from: this.from,
      date: now,
      messageId: `<${id}@${senderDomain(this.from)}>`,
    });
    const sidecar: Sidecar = {
      id,
      to: mail.to,
      subject: mail.subject,
      sentAt: now.toISOString(),
      ...(mail.replyTo === undefined ? {} : { replyTo: mail.replyTo }),
      ...(mail.tags === undefined ? {} : { tags: mail.tags }),
      ...(mail.idempotencyKey === undefined ? {} : { idempotencyKey: mail.idempotencyKey }),
    };
    await writeFileAtomic(join(this.dir, `${id}.eml`), mime);
    await writeFileAtomic(join(this.dir, `${id}.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
    return { messageId: id };
  }

  private async readSidecar(id: string): Promise<Sidecar | undefined> {
    try {
      return JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as Sidecar;
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return undefined;
      throw error;
    }
  }
}
