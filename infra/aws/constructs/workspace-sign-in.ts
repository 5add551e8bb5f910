/**
 * Sign-in to the workspace on AWS: the user pool's managed login (a Cognito domain) and an app
 * client for the authorization-code flow with PKCE, whose callback and sign-out URLs are the
 * service's own (/auth/callback, /sign-out under the public base URL). The functions that sign in
 * (functions/ports/sign-in-provider.ts) get the pool's issuer and this client's id. Optionally an
 * agency's own SAML identity provider is federated (context `signInSamlMetadataUrl`), so its staff
 * sign in with their agency accounts; who may act for which agency is still the pool's groups and
 * `custom:agency_id`.
 *
 * The client has no secret (public client + PKCE, see sign-in-provider.ts); bearer tokens for the
 * JSON API stay with the pool's API client.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import {
  CfnManagedLoginBranding,
  ClientAttributes,
  ManagedLoginVersion,
  OAuthScope,
  ProviderAttribute,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
  UserPoolIdentityProviderSaml,
  UserPoolIdentityProviderSamlMetadata,
} from 'aws-cdk-lib/aws-cognito';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface WorkspaceSignInProps {
  userPool: IUserPool;
  /** The service's public base URL (the API's own URL when none is configured). */
  baseUrl: string;
  /** The managed login domain's prefix: `<prefix>.auth.<region>.amazoncognito.com`. */
  domainPrefix: string;
  /** An agency's SAML identity provider to federate, by its metadata URL. */
  saml?: { name: string; metadataUrl: string };
}

export class WorkspaceSignIn extends Construct {
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** The OpenID issuer the functions discover (the user pool's). */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: WorkspaceSignInProps) {
    super(scope, id);
    this.domain = new UserPoolDomain(this, 'ManagedLogin', {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    const identityProviders = [UserPoolClientIdentityProvider.COGNITO];
    let saml: UserPoolIdentityProviderSaml | undefined;
    if (props.saml) {
      saml = new UserPoolIdentityProviderSaml(this, 'AgencySaml', {
        userPool: props.userPool,
        name: props.saml.name,
        metadata: UserPoolIdentityProviderSamlMetadata.url(props.saml.metadataUrl),
        attributeMapping: {
          email: ProviderAttribute.other('email'),
          fullname: ProviderAttribute.other('name'),
        },
      });
      identityProviders.push(UserPoolClientIdentityProvider.custom(saml.providerName));
    }
    this.client = new UserPoolClient(this, 'WorkspaceClient', {
      userPool: props.userPool,
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.baseUrl}/auth/callback`],
        logoutUrls: [`${props.baseUrl}/sign-out`],
      },
      supportedIdentityProviders: identityProviders,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.minutes(15),
      accessTokenValidity: Duration.minutes(15),
      // The service keeps its own session (the table); it never uses a refresh token.
      refreshTokenValidity: Duration.hours(1),
      enableTokenRevocation: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('agency_id'),
      writeAttributes: new ClientAttributes(),
    });
    if (saml) this.client.node.addDependency(saml);
    // Managed login shows its pages only for clients that have a style; Cognito's own is enough.
    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${props.userPool.userPoolId}`;
  }
}
