import { describe, expect, it } from 'vitest';
import { OrganizationSchema, registeredOrganization } from '#domain/organization';

const consumers = OrganizationSchema.parse({
  id: 'consumers-foundation',
  name: { zh: '財團法人中華民國消費者文教基金會', en: 'Consumers’ Foundation, Chinese Taipei' },
  mailDomains: ['Consumers.org.tw ', 'cf.org.tw'],
});
const register = [consumers];

describe('OrganizationSchema', () => {
  it('keeps mail domains in lower case without spaces', () => {
    expect(consumers.mailDomains).toEqual(['consumers.org.tw', 'cf.org.tw']);
  });

  it('refuses an address for a domain, an empty list and a domain twice', () => {
    const base = { id: 'x-org', name: { zh: '某協會', en: 'Some Association' } };
    for (const mailDomains of [['info@consumers.org.tw'], [], ['a.tw', 'A.tw'], ['localhost']]) {
      expect(OrganizationSchema.safeParse({ ...base, mailDomains }).success, String(mailDomains)).toBe(false);
    }
  });
});

describe('registeredOrganization', () => {
  it('matches the name given (either language, width and case folded) on a registered domain', () => {
    for (const organization of [
      '財團法人中華民國消費者文教基金會',
      'consumers’ foundation,  chinese taipei',
      'Ｃｏｎｓｕｍｅｒｓ’ Foundation, Chinese Taipei',
    ]) {
      expect(
        registeredOrganization({ email: 'staff@consumers.org.tw', organization }, register),
        organization,
      ).toBe(consumers);
    }
    expect(
      registeredOrganization(
        { email: 'Staff@CF.org.tw', organization: '財團法人中華民國消費者文教基金會' },
        register,
      ),
    ).toBe(consumers);
  });

  it('does not match another domain, a subdomain, a look-alike or another name', () => {
    const name = '財團法人中華民國消費者文教基金會';
    for (const email of [
      'someone@gmail.com',
      'a@mail.consumers.org.tw',
      'a@consumers.org.tw.evil.tw',
      'a@org.tw',
    ]) {
      expect(registeredOrganization({ email, organization: name }, register), email).toBeUndefined();
    }
    expect(
      registeredOrganization({ email: 'a@consumers.org.tw', organization: '消費者文教基金會' }, register),
    ).toBeUndefined();
  });

  it('needs both an address and a name', () => {
    expect(registeredOrganization({ email: 'a@consumers.org.tw' }, register)).toBeUndefined();
    expect(
      registeredOrganization({ organization: '財團法人中華民國消費者文教基金會' }, register),
    ).toBeUndefined();
  });
});
