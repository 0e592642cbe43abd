import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator.service';
import { CsrfGuard } from './csrf/csrf.guard';
import { InvitationService } from './invitations/invitation.service';
import { PasswordHasher } from './passwords/password-hasher';
import { PasswordService } from './passwords/password.service';
import { SessionCookie } from './sessions/session-cookie';
import { SessionService } from './sessions/session.service';
import { SignInService } from './sign-in/sign-in.service';
import { OidcService } from './sso/oidc.service';

@Global()
@Module({
  imports: [RateLimitModule],
  controllers: [AuthController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AdminBootstrapService,
    Authenticator,
    CsrfGuard,
    InvitationService,
    OidcService,
    PasswordHasher,
    PasswordService,
    SessionCookie,
    SessionService,
    SignInService,
  ],
  exports: [Authenticator, CsrfGuard, InvitationService, PasswordService, SessionCookie],
})
export class AuthModule {}
