import { APP_CONFIG, type AppConfig, UserEntity, UserRepository } from '@crm/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type * as OpenIdClient from 'openid-client';
import { DataSource } from 'typeorm';
import { SessionService } from '../sessions/session.service';
import { foldEmail } from '../sign-in/lock-out';
import { requireEsm } from './esm';
import { safeReturnTo } from './return-to';
import { signState, verifyState } from './state-cookie';

/** How long a sign-on may take at the provider. */
const STATE_TTL_MS = 10 * 60 * 1000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export type SignOnResult =
  | { outcome: 'signed-in'; user: UserEntity; secret: string; returnTo: string }
  | { outcome: 'failed' }
  | { outcome: 'unknown-user' };

/**
 * Single sign-on with OpenID Connect (openid-client): the authorization code flow with PKCE, state
 * and nonce, kept in a signed, httpOnly cookie between the start and the callback. A person is
 * matched by the email claim (which must be verified when the provider says whether it is) against
 * the enabled users, case-insensitively, and keeps the role the CRM gave them; an unknown email is
 * refused, never created.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Auth');
  private configuration: Promise<OpenIdClient.Configuration> | null = null;
  private readonly stateKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {
    // Keyed by the client secret: every API process has it, and nobody without it can forge a state.
    this.stateKey = createHash('sha256')
      .update(`crm:oidc-state\0${config.OIDC_CLIENT_SECRET ?? ''}`, 'utf8')
      .digest();
  }

  get enabled(): boolean {
    return Boolean(this.config.OIDC_ISSUER);
  }

  private get redirectUri(): string {
    return `${this.config.PUBLIC_URL}/auth/oidc/callback`;
  }

  /** The provider's authorization URL and the signed state cookie's value. */
  async start(returnTo: unknown): Promise<{ url: string; cookie: string }> {
    const client = this.client();
    const configuration = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const cookie = signState(
      {
        state,
        nonce,
        codeVerifier,
        returnTo: safeReturnTo(returnTo, this.config.PUBLIC_URL ?? 'http://localhost'),
        expiresAt: Date.now() + STATE_TTL_MS,
      },
      this.stateKey,
    );
    return { url: url.href, cookie };
  }

  /** Completes the flow from the callback's query string and the state cookie. */
  async finish(search: string, stateCookie: string | undefined): Promise<SignOnResult> {
    const saved = verifyState(stateCookie, this.stateKey);
    const params = new URLSearchParams(search);
    if (!saved || params.get('state') !== saved.state) return { outcome: 'failed' };
    let email: string;
    try {
      const client = this.client();
      const configuration = await this.discover();
      const tokens = await client.authorizationCodeGrant(
        configuration,
        new URL(`${this.redirectUri}?${params.toString()}`),
        {
          pkceCodeVerifier: saved.codeVerifier,
          expectedState: saved.state,
          expectedNonce: saved.nonce,
          idTokenExpected: true,
        },
      );
      const idClaims = tokens.claims();
      if (!idClaims) return { outcome: 'failed' };
      let claims: Record<string, unknown> = { ...idClaims };
      if (claims.email === undefined) {
        // Providers that follow the spec strictly put scope-requested claims in userinfo only.
        claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)) };
      }
      if (typeof claims.email !== 'string' || claims.email === '') return { outcome: 'failed' };
      // Users are matched by email alone, so the provider must vouch for it: email_verified must be
      // true. A provider that never sends the claim (Entra ID) is trusted only when the operator says
      // its email claim is managed by the organisation (OIDC_TRUST_UNVERIFIED_EMAIL=true).
      const verified =
        claims.email_verified === true ||
        (claims.email_verified === undefined && this.config.OIDC_TRUST_UNVERIFIED_EMAIL);
      if (!verified) return { outcome: 'failed' };
      email = claims.email;
    } catch (error) {
      this.logger.warn(`Single sign-on failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      return { outcome: 'failed' };
    }
    const user = await new UserRepository(this.dataSource.manager).findActiveByEmail(foldEmail(email));
    if (!user) {
      this.logger.warn('Single sign-on refused: the provider’s email belongs to no enabled user');
      return { outcome: 'unknown-user' };
    }
    const secret = await this.sessions.start(user.id);
    this.logger.log(`User ${user.id} signed in with single sign-on`);
    return { outcome: 'signed-in', user, secret, returnTo: saved.returnTo };
  }

  private client(): typeof OpenIdClient {
    return requireEsm<typeof OpenIdClient>('openid-client');
  }

  /** The provider's metadata, fetched once (again after a failure). */
  private discover(): Promise<OpenIdClient.Configuration> {
    if (!this.configuration) {
      const client = this.client();
      const issuer = new URL(this.config.OIDC_ISSUER!);
      // Plain HTTP only for a provider on this machine (development and the tests).
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      this.configuration = client
        .discovery(
          issuer,
          this.config.OIDC_CLIENT_ID!,
          { redirect_uris: [this.redirectUri] },
          client.ClientSecretBasic(this.config.OIDC_CLIENT_SECRET!),
          insecure ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.configuration = null;
          throw error;
        });
    }
    return this.configuration;
  }
}
