import { describe, expect, it } from 'vitest';
import {
  CommentInputSchema,
  DispositionSchema,
  ExtensionInputSchema,
  campaignKey,
  checkCommentTarget,
  checkExtension,
  identityTier,
  organizationSelfDeclared,
  normalizeForCampaign,
  awaitsAnswer,
} from '#domain/consultation';
import { ConflictError, RuleViolationError } from '#domain/errors';

describe('CommentInputSchema', () => {
  it('accepts an anonymous comment and gives it an empty author', () => {
    expect(CommentInputSchema.parse({ body: '收費過高。' }).author).toEqual({});
  });

  it('refuses an empty body and one over 5000 characters', () => {
    expect(CommentInputSchema.safeParse({ body: '  ' }).success).toBe(false);
    expect(CommentInputSchema.safeParse({ body: '字'.repeat(5001) }).success).toBe(false);
    expect(CommentInputSchema.safeParse({ body: '字'.repeat(5000) }).success).toBe(true);
  });

  it('limits author name and organisation and checks the e-mail', () => {
    expect(CommentInputSchema.safeParse({ body: 'x', author: { name: 'n'.repeat(101) } }).success).toBe(
      false,
    );
    expect(
      CommentInputSchema.safeParse({ body: 'x', author: { organization: 'o'.repeat(201) } }).success,
    ).toBe(false);
    expect(CommentInputSchema.safeParse({ body: 'x', author: { email: 'not-an-address' } }).success).toBe(
      false,
    );
  });
});

describe('DispositionSchema and ExtensionInputSchema', () => {
  it('needs a reply with every disposition', () => {
    expect(DispositionSchema.safeParse({ disposition: 'NOT_ADOPTED', reply: '' }).success).toBe(false);
    expect(
      DispositionSchema.safeParse({ disposition: 'PARTLY_ADOPTED', reply: '已調整單價。' }).success,
    ).toBe(true);
    expect(DispositionSchema.safeParse({ disposition: 'IGNORED', reply: 'x' }).success).toBe(false);
  });

  it('needs a UTC closing time and a reason', () => {
    expect(
      ExtensionInputSchema.safeParse({ closesAt: '2026-05-30T00:00:00Z', reason: '說明會延期' }).success,
    ).toBe(true);
    expect(ExtensionInputSchema.safeParse({ closesAt: '2026-05-30', reason: '說明會延期' }).success).toBe(
      false,
    );
    expect(ExtensionInputSchema.safeParse({ closesAt: '2026-05-30T00:00:00Z', reason: ' ' }).success).toBe(
      false,
    );
  });
});

describe('identityTier', () => {
  const ocf = { email: 'a@ocf.tw', organization: 'Open Culture Foundation' };

  it('credits an organisation only with a verified e-mail and a match in the register', () => {
    expect(identityTier({ author: ocf, emailVerified: true, organizationId: 'ocf' })).toBe('ORGANIZATION');
    expect(identityTier({ author: ocf, emailVerified: false, organizationId: 'ocf' })).toBe('UNVERIFIED');
    expect(identityTier({ author: ocf, emailVerified: true })).toBe('VERIFIED_EMAIL');
  });

  it('shows a verified individual as VERIFIED_EMAIL', () => {
    expect(identityTier({ author: { name: 'Chen', email: 'chen@example.org' }, emailVerified: true })).toBe(
      'VERIFIED_EMAIL',
    );
  });

  it('does not count verification without an address', () => {
    expect(
      identityTier({ author: { organization: 'g0v' }, emailVerified: true, organizationId: 'g0v' }),
    ).toBe('UNVERIFIED');
    expect(identityTier({ author: {}, emailVerified: true })).toBe('UNVERIFIED');
  });
});

describe('organizationSelfDeclared', () => {
  it('marks an organisation name the comment is not credited to', () => {
    const author = { email: 'a@gmail.com', organization: '財團法人中華民國消費者文教基金會' };
    expect(organizationSelfDeclared({ author, emailVerified: true })).toBe(true);
    expect(organizationSelfDeclared({ author, emailVerified: false, organizationId: 'consumers' })).toBe(
      true,
    );
    expect(organizationSelfDeclared({ author, emailVerified: true, organizationId: 'consumers' })).toBe(
      false,
    );
  });

  it('has nothing to mark without an organisation name', () => {
    expect(organizationSelfDeclared({ author: { email: 'a@gmail.com' }, emailVerified: true })).toBe(false);
  });
});

describe('campaignKey', () => {
  it('groups copies that differ only in width, case, spacing and punctuation', () => {
    // Prepare
    const original = '反對收費！Data should be FREE.';
    const copy = ' 反對收費 ! data  should be free ';
    const fullWidth = '反對收費！Ｄａｔａ　ｓｈｏｕｌｄ　ｂｅ　ｆｒｅｅ。';

    // Act / Assess
    expect(campaignKey(copy)).toBe(campaignKey(original));
    expect(campaignKey(fullWidth)).toBe(campaignKey(original));
  });

  it('matches Chinese text with and without spaces between phrases', () => {
    expect(campaignKey('請降低，學術用途的費用')).toBe(campaignKey('請降低 學術用途的費用'));
  });

  it('keeps different texts apart', () => {
    expect(campaignKey('支持收費')).not.toBe(campaignKey('反對收費'));
  });

  it('is a 64-character hex digest whatever the body length', () => {
    expect(campaignKey('字'.repeat(5000))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('normalizes to the bare letters and digits', () => {
    expect(normalizeForCampaign('Ａ-b  C！1２')).toBe('abc12');
  });
});

describe('checkExtension', () => {
  const now = new Date('2026-04-01T00:00:00Z');
  const closesAt = '2026-04-30T00:00:00.000Z';

  it('accepts a later closing date while the consultation is open', () => {
    expect(() => checkExtension(closesAt, '2026-05-30T00:00:00Z', now)).not.toThrow();
  });

  it('refuses a closing date that is not later than the current one', () => {
    for (const requested of [closesAt, '2026-04-20T00:00:00Z']) {
      expect(() => checkExtension(closesAt, requested, now)).toThrow(
        expect.objectContaining({ code: 'EXTENSION_MUST_MOVE_LATER', statusCode: 422 }),
      );
    }
  });

  it('refuses a new closing date in the past', () => {
    // Prepare: the closing time passed before the workflow closed the consultation
    const late = new Date('2026-05-10T00:00:00Z');

    // Act / Assess
    expect(() => checkExtension(closesAt, '2026-05-05T00:00:00Z', late)).toThrow(
      expect.objectContaining({ code: 'EXTENSION_IN_PAST' }),
    );
  });

  it('refuses to reopen a consultation whose closing time has passed', () => {
    const late = new Date('2026-05-10T00:00:00Z');
    const act = () => checkExtension(closesAt, '2026-06-01T00:00:00Z', late);
    expect(act).toThrow(ConflictError);
    expect(act).toThrow(expect.objectContaining({ code: 'CONSULTATION_CLOSED' }));
  });

  it('refuses times that are not instants', () => {
    expect(() => checkExtension(closesAt, 'next month', now)).toThrow(
      expect.objectContaining({ statusCode: 400 }),
    );
  });
});

describe('awaitsAnswer', () => {
  it('tells the comments still waiting for an answer', () => {
    // Prepare
    const comments = [
      { id: 'c1', disposition: { disposition: 'ADOPTED', reply: '已採納。' } },
      { id: 'c2' },
      { id: 'c3', disposition: undefined },
    ];

    // Act / Assess
    expect(comments.filter(awaitsAnswer).map((c) => c.id)).toEqual(['c2', 'c3']);
  });
});

describe('checkCommentTarget', () => {
  it('refuses a comment on a fee item the proposal does not have', () => {
    const items = [{ id: 'extract' }];
    expect(() => checkCommentTarget('extract', items)).not.toThrow();
    expect(() => checkCommentTarget(undefined, items)).not.toThrow();
    expect(() => checkCommentTarget('copy', items)).toThrow(RuleViolationError);
  });
});
