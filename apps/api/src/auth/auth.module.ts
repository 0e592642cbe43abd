import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator.service';

@Global()
@Module({
  imports: [RateLimitModule],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, AdminBootstrapService, Authenticator],
  exports: [Authenticator],
})
export class AuthModule {}
