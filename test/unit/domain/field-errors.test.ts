import { describe, expect, it } from 'vitest';
import * as z from '#domain/zod';
import { fieldMessage, labelAt, labelsOf, PARSE_OPTIONS } from '#domain/field-errors';
import { DatasetSchema } from '#domain/dataset';
import { LicenseRequestSchema } from '#domain/license';
import { BallotInputSchema } from '#domain/ballot';
import { CommentInputSchema } from '#domain/consultation';
import { issuesToDetails } from '#http/middleware/parse-request';

const messagesOf = (schema: z.ZodMiniType, value: unknown) => {
  const result = schema.safeParse(value, PARSE_OPTIONS);
  if (result.success) throw new Error('accepted');
  return result.error.issues.map((issue) => fieldMessage(issue, labelsOf(schema)));
};

const dataset = {
  id: 'nlsc-maps',
  agencyId: 'moi-nlsc',
  title: { zh: '地籍圖', en: 'Cadastral maps' },
  version: '1',
  classification: 'OPEN',
  releaseYear: 2026,
};

describe('field messages in both languages', () => {
  it('names the field by its label for a wrong type, not zod’s raw wording', () => {
    const [title] = messagesOf(DatasetSchema, { ...dataset, title: 'x' });
    expect(title).toEqual({
      path: 'title',
      label: { zh: '資料集名稱', en: 'Title' },
      message: { zh: '「資料集名稱」須為一組欄位。', en: 'Title must be a group of fields.' },
    });
  });

  it('words an issue itself even when another module registered zod’s English locale (as importing the classic zod does)', async () => {
    const { default: english } = await import('zod/v4/locales/en.js');
    const before = z.config().localeError;
    z.config(english());
    try {
      const { classification: _c, ...rest } = dataset;
      expect(messagesOf(DatasetSchema, rest)[0]!.message.en).toBe('Data class: choose one.');
      expect(messagesOf(DatasetSchema, { ...dataset, title: 'x' })[0]!.message.en).toBe(
        'Title must be a group of fields.',
      );
    } finally {
      z.config({ localeError: before });
    }
  });

  it('asks for a missing field, to choose a missing choice, and lists the choices of an enumeration', () => {
    const { classification: _c, ...rest } = dataset;
    expect(messagesOf(DatasetSchema, rest)[0]!.message).toEqual({
      zh: '請選擇「資料類別」。',
      en: 'Data class: choose one.',
    });
    const { version: _v, ...unversioned } = dataset;
    expect(messagesOf(DatasetSchema, unversioned)[0]!.message).toEqual({
      zh: '請填寫「版本」。',
      en: 'Version is required.',
    });
    expect(messagesOf(DatasetSchema, { ...dataset, classification: 'SECRET' })[0]!.message.zh).toBe(
      '請從以下選一項填入「資料類別」：OPEN、ON_APPLICATION、NOT_PROVIDED。',
    );
  });

  it('gives lengths and bounds, and labels list entries through `*`', () => {
    const request = {
      datasetId: 'nlsc-maps',
      licensee: { name: '林小華', email: 'not-an-address' },
      purpose: 'ACADEMIC',
      items: [{ itemId: 'a', quantity: 1.5 }],
    };
    const byPath = Object.fromEntries(messagesOf(LicenseRequestSchema, request).map((m) => [m.path, m]));
    expect(byPath['licensee.email']!.message).toEqual({
      zh: '「電子郵件」須為電子郵件地址。',
      en: 'E-mail must be an e-mail address.',
    });
    expect(byPath['items.0.quantity']!.label).toEqual({ zh: '數量', en: 'Quantity' });
    expect(messagesOf(CommentInputSchema, { body: 'x'.repeat(5001) })[0]!.message).toEqual({
      zh: '「意見內容」最多 5000 個字。',
      en: 'Your comment: At most 5000 characters.',
    });
    expect(messagesOf(CommentInputSchema, { body: '  ' })[0]!.message.zh).toBe('請填寫「意見內容」。');
  });

  it('keeps a rule’s own words as the English, with its Chinese from the schema', () => {
    expect(messagesOf(BallotInputSchema, { decision: 'REJECT', reason: '' })[0]).toEqual({
      path: 'reason',
      label: { zh: '理由', en: 'Reason' },
      message: {
        zh: '不同意、建議修正或迴避時，請說明理由。',
        en: 'Reason: A reason is required to reject, request changes or recuse.',
      },
    });
    const { releaseYear: _y, ...unreleased } = dataset;
    expect(messagesOf(DatasetSchema, unreleased)[0]!.message.zh).toBe(
      '開放資料須載明釋出年份，其姓名標示聲明會引用。',
    );
  });

  it('falls back to the nearest labelled parent, then to the field’s name', () => {
    expect(labelAt({ items: { zh: '項目', en: 'Items' } }, ['items', 3, 'x'])).toEqual({
      zh: '項目',
      en: 'Items',
    });
    const [unlabelled] = messagesOf(z.object({ count: z.int() }), { count: 'x' });
    expect(unlabelled!.message).toEqual({ zh: '「count」須為數字。', en: 'count must be a number.' });
  });

  it('puts label and both messages into the error body’s details', () => {
    const result = DatasetSchema.safeParse({ ...dataset, version: '' }, PARSE_OPTIONS);
    const [detail] = issuesToDetails(result.error!.issues, labelsOf(DatasetSchema));
    expect(detail).toEqual({
      path: 'version',
      message: 'Version: Must not be empty.',
      label: { zh: '版本', en: 'Version' },
      messages: { zh: '請填寫「版本」。', en: 'Version: Must not be empty.' },
    });
  });
});
