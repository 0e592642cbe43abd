import { APP_CONFIG, type AppConfig, UserEntity } from '@crm/persistence';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Response } from 'express';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { authError, stringField } from './auth-errors';
import { parseCookies, serializeCookie } from './cookies';
import { CsrfGuard, RequirePreflight } from './csrf/csrf.guard';
import { Public } from './decorators';
import { InvitationService } from './invitations/invitation.service';
import type { AuthenticatedRequest } from './request-context';
import { SessionCookie } from './sessions/session-cookie';
import { SessionService } from './sessions/session.service';
import { SignInService } from './sign-in/sign-in.service';
import { OidcService } from './sso/oidc.service';

/** The single sign-on state cookie, sent back only to the callback. */
const STATE_COOKIE = 'crm_oidc';
const STATE_COOKIE_PATH = '/auth/oidc';

interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: string;
}

const userOf = (u: UserEntity): { user: SignedInUser } => ({
  user: { id: u.id, name: u.name, email: u.email, role: u.role },
});

/** One answer for a wrong email and a wrong password alike, byte for byte. */
const INVALID_CREDENTIALS = () =>
  authError(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'The email or the password is wrong');
const INVITATION_INVALID = () =>
  authError(HttpStatus.GONE, 'INVITATION_INVALID', 'This invitation is unknown, used or expired');

/**
 * Sign-in for people, JSON in and out; errors are `{ code, message }`. Every POST needs the header
 * `apollo-require-preflight` (CSRF). The services hold the work; this controller translates.
 */
@Controller('auth')
@UseGuards(CsrfGuard)
@RequirePreflight('always')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signIns: SignInService,
    private readonly sessions: SessionService,
    private readonly cookie: SessionCookie,
    private readonly invitations: InvitationService,
    private readonly oidc: OidcService,
    private readonly rateLimit: RateLimitService,
  ) {}

  @Get('options')
  @Public()
  options(): { password: true; sso: boolean } {
    return { password: true, sso: this.oidc.enabled };
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  async signIn(
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ user: SignedInUser }> {
    const email = stringField(body, 'email');
    const password = stringField(body, 'password');
    const result = await this.signIns.signIn(email, password);
    if (result.outcome === 'locked') {
      res.setHeader('Retry-After', String(result.retryAfterSeconds));
      throw authError(
        HttpStatus.TOO_MANY_REQUESTS,
        'ACCOUNT_LOCKED',
        `Too many failed sign-ins for this account: try again in ${result.retryAfterSeconds} s`,
        { retryAfterSeconds: result.retryAfterSeconds },
      );
    }
    if (result.outcome === 'invalid') {
      // A failed sign-in is a failed authentication of the client address, as a wrong token is.
      const retryAfter = await this.rateLimit.countFailedAuthentication(req);
      if (retryAfter !== null) {
        res.setHeader('Retry-After', String(retryAfter));
        throw authError(
          HttpStatus.TOO_MANY_REQUESTS,
          'RATE_LIMITED',
          `Too many failed authentications from this address: retry in ${retryAfter} s`,
          { retryAfterSeconds: retryAfter },
        );
      }
      throw INVALID_CREDENTIALS();
    }
    await this.replaceSession(req, res, result.secret);
    return userOf(result.user);
  }

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  async signOut(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    const secret = this.cookie.secretIn(req.headers);
    if (secret) await this.sessions.end(secret);
    this.cookie.clear(res);
  }

  @Get('invitation/:secret')
  @Public()
  async invitation(@Param('secret') secret: string): Promise<{ email: string; name: string }> {
    const user = await this.invitations.find(secret);
    if (!user) throw INVITATION_INVALID();
    return { email: user.email, name: user.name };
  }

  @Post('invitation/:secret')
  @Public()
  @HttpCode(200)
  async acceptInvitation(
    @Param('secret') secret: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ user: SignedInUser }> {
    const password = stringField(body, 'password');
    const result = await this.invitations.accept(secret, password);
    if (result.outcome === 'invalid') throw INVITATION_INVALID();
    if (result.outcome === 'weak') {
      // The policy's Swedish reason, which the web app may show as it is.
      throw authError(HttpStatus.BAD_REQUEST, 'WEAK_PASSWORD', result.reason, { field: 'password' });
    }
    await this.replaceSession(req, res, result.secret);
    return userOf(result.user);
  }

  @Get('oidc/start')
  @Public()
  async oidcStart(@Query('returnTo') returnTo: unknown, @Res() res: Response): Promise<void> {
    if (!this.oidc.enabled) {
      throw authError(
        HttpStatus.NOT_FOUND,
        'SSO_NOT_CONFIGURED',
        'Single sign-on is not configured (OIDC_ISSUER)',
      );
    }
    let started: { url: string; cookie: string };
    try {
      started = await this.oidc.start(returnTo);
    } catch {
      res.redirect(302, '/sign-in?error=sso'); // the provider does not answer its discovery
      return;
    }
    res.append('Set-Cookie', this.stateCookie(started.cookie, 600));
    res.redirect(302, started.url);
  }

  @Get('oidc/callback')
  @Public()
  async oidcCallback(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    res.append('Set-Cookie', this.stateCookie('', 0)); // one use, whatever happens
    if (!this.oidc.enabled) {
      res.redirect(302, '/sign-in?error=sso');
      return;
    }
    const search = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
      : '';
    const result = await this.oidc
      .finish(search, parseCookies(req.headers.cookie).get(STATE_COOKIE))
      .catch(() => ({ outcome: 'failed' as const }));
    if (result.outcome === 'unknown-user') return res.redirect(302, '/sign-in?error=sso-unknown');
    if (result.outcome !== 'signed-in') return res.redirect(302, '/sign-in?error=sso');
    await this.replaceSession(req, res, result.secret);
    res.redirect(302, result.returnTo);
  }

  /** Sets the new session's cookie and ends the session the browser had before, if any. */
  private async replaceSession(req: AuthenticatedRequest, res: Response, secret: string): Promise<void> {
    const previous = this.cookie.secretIn(req.headers);
    if (previous) await this.sessions.end(previous);
    this.cookie.set(res, secret);
  }

  private stateCookie(value: string, maxAge: number): string {
    return serializeCookie(STATE_COOKIE, value, {
      path: STATE_COOKIE_PATH,
      maxAge,
      httpOnly: true,
      sameSite: 'Lax',
      secure: this.cookie.secure,
    });
  }
}
