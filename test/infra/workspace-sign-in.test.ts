// The workspace's sign-in on AWS: Cognito's managed login and an authorization-code + PKCE client
// whose URLs are the service's own; the functions that sign in get the pool's issuer and that client.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#http/routes';
import { resources, synthesizeService } from './support.ts';
import type { Resource } from './support.ts';
import { readSettings } from '../../infra/aws/settings.ts';
import { newApp } from './support.ts';

let stateless: Template;

beforeAll(() => {
  ({ stateless } = synthesizeService({ publicBaseUrl: 'https://fees.example.gov.tw' }));
});

const workspaceClient = () => {
  const clients = resources(stateless, 'AWS::Cognito::UserPoolClient');
  expect(clients).toHaveLength(1);
  return clients[0]!;
};

describe('the workspace sign-in on AWS', () => {
  it('has a managed login domain on the user pool, with a style for its client', () => {
    const [[, domain]] = resources(stateless, 'AWS::Cognito::UserPoolDomain') as [[string, Resource]];
    expect(domain.Properties.Domain).toBe('ogdl-fee-review');
    expect(domain.Properties.ManagedLoginVersion).toBe(2);
    const [clientId] = workspaceClient();
    const [[, branding]] = resources(stateless, 'AWS::Cognito::ManagedLoginBranding') as [[string, Resource]];
    expect(branding.Properties.ClientId).toEqual({ Ref: clientId });
    expect(branding.Properties.UseCognitoProvidedValues).toBe(true);
  });

  it('has a public client for the code flow only, back to /auth/callback and /sign-out of the public URL', () => {
    const [, client] = workspaceClient();
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['https://fees.example.gov.tw/auth/callback'],
      LogoutURLs: ['https://fees.example.gov.tw/sign-out'],
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect([...client.Properties.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
    expect(client.Properties.ReadAttributes).toContain('custom:agency_id');
    expect(client.Properties.WriteAttributes ?? []).toEqual([]);
  });

  it('gives exactly the functions that sign in the pool’s issuer and the workspace client', () => {
    const functions = resources(stateless, 'AWS::Lambda::Function');
    const withIssuer = functions
      .filter(([, fn]) => fn.Properties.Environment?.Variables?.OIDC_ISSUER)
      .map(([, fn]) => String(fn.Properties.Description).split(':')[0]);
    expect(withIssuer.sort()).toEqual(['GET /auth/callback', 'GET /sign-in']);
    const [clientId] = workspaceClient();
    for (const [, fn] of functions.filter(([, f]) => f.Properties.Environment?.Variables?.OIDC_ISSUER)) {
      const variables = fn.Properties.Environment.Variables;
      expect(variables.OIDC_CLIENT_ID).toEqual({ Ref: clientId });
      expect(JSON.stringify(variables.OIDC_ISSUER)).toContain('cognito-idp.');
    }
  });

  it('puts no JWT authorizer in front of the workspace routes, which check their session', () => {
    const workspace = routes
      .filter((r) => r.access.startsWith('workspace'))
      .map((r) => `${r.method} ${r.path}`);
    expect(workspace.length).toBeGreaterThan(0);
    for (const [, route] of resources(stateless, 'AWS::ApiGatewayV2::Route')) {
      if (workspace.includes(route.Properties.RouteKey))
        expect(route.Properties.AuthorizationType ?? 'NONE', route.Properties.RouteKey).toBe('NONE');
    }
  });

  it('federates an agency’s SAML provider into the client when the context names its metadata', () => {
    const { stateless: federated } = synthesizeService({
      signInSamlMetadataUrl: 'https://idp.nlsc.example.gov.tw/metadata.xml',
      signInSamlName: 'NLSC',
    });
    const [[providerId, provider]] = resources(federated, 'AWS::Cognito::UserPoolIdentityProvider') as [
      [string, Resource],
    ];
    expect(provider.Properties).toMatchObject({
      ProviderName: 'NLSC',
      ProviderType: 'SAML',
      ProviderDetails: { MetadataURL: 'https://idp.nlsc.example.gov.tw/metadata.xml' },
    });
    const [[, client]] = resources(federated, 'AWS::Cognito::UserPoolClient') as [[string, Resource]];
    expect(client.Properties.SupportedIdentityProviders).toEqual(['COGNITO', { Ref: providerId }]);
  });

  it('refuses a domain prefix Cognito would refuse and a SAML metadata URL over plain http', () => {
    expect(() => readSettings(newApp({ signInDomainPrefix: 'my-cognito-login' }).node)).toThrow(
      /signInDomainPrefix/,
    );
    expect(() => readSettings(newApp({ signInDomainPrefix: 'Upper' }).node)).toThrow(/signInDomainPrefix/);
    expect(() => readSettings(newApp({ signInSamlMetadataUrl: 'http://idp.example/m.xml' }).node)).toThrow(
      /signInSamlMetadataUrl/,
    );
  });
});
