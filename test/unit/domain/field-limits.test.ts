import { describe, expect, it } from 'vitest';
import { AdvisoryGroupSchema } from '#domain/advisory-group';
import { CommentInputSchema } from '#domain/consultation';
import { fieldLimitsOf } from '#domain/field-limits';
import { LicenseRequestSchema } from '#domain/license';
import * as z from '#domain/zod';

describe('a form’s limits read from its schema', () => {
  it('gives each text field its maxLength, by dotted path, and whether it may be left out', () => {
    const limits = fieldLimitsOf(CommentInputSchema);
    expect(limits.body).toEqual({ required: true, maxlength: 5000 });
    expect(limits['author.name']).toEqual({ required: false, maxlength: 100 });
    expect(limits['author.organization']).toEqual({ required: false, maxlength: 200 });
    expect(limits['author.email']).toEqual({ required: false, maxlength: 254 });
    expect(limits.notify).toEqual({ required: false });
  });

  it('says a required field inside a required object is required, and a list has no maxlength', () => {
    const limits = fieldLimitsOf(LicenseRequestSchema);
    expect(limits['licensee.name']).toEqual({ required: true, maxlength: 200 });
    expect(limits['licensee.organization']?.required).toBe(false);
    expect(limits.items?.maxlength).toBeUndefined();
  });

  it('takes the least of several maxLengths, and none where the schema sets none', () => {
    const schema = z.object({
      code: z.string().check(z.maxLength(20), z.maxLength(8)),
      free: z.optional(z.string()),
    });
    expect(fieldLimitsOf(schema)).toEqual({
      code: { required: true, maxlength: 8 },
      free: { required: false },
    });
  });

  it('gives a list’s row fields under `*`, and an id its 64 characters', () => {
    const limits = fieldLimitsOf(AdvisoryGroupSchema);
    expect(limits['members.*.name']).toEqual({ required: true, maxlength: 100 });
    expect(limits['members.*.email']).toEqual({ required: true, maxlength: 254 });
    expect(limits.id).toEqual({ required: true, maxlength: 64 });
    expect(limits.members?.maxlength).toBeUndefined();
  });
});
