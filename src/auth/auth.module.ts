import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AccessChangeListener } from './access-state/access-change-listener.js';
import { AccessSettlingInterceptor } from './access-state/access-settling.interceptor.js';
import { AccessStateService } from './access-state/access-state.service.js';
import { AccessTokenService } from './access-token.service.js';
import { AuthController } from './auth.controller.js';
import { GlobalAuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { FailureLimiter } from './failure-limiter.js';
import { PublicRateLimit } from './public-rate-limit.js';
import { RefreshTokensService } from './refresh-tokens.service.js';
import { ApiKeyStrategy } from './strategies/api-key.strategy.js';
import { JwtStrategy } from './strategies/jwt.strategy.js';
import { UsersModule } from './users/users.module.js';

@Module({
  imports: [TypeOrmModule.forFeature([RefreshTokenEntity]), UsersModule, OrganizationsModule],
  controllers: [AuthController],
  providers: [
    AccessTokenService,
    AccessChangeListener,
    AccessStateService,
    RefreshTokensService,
    AuthService,
    FailureLimiter,
    PublicRateLimit,
    JwtStrategy,
    ApiKeyStrategy,
    { provide: APP_GUARD, useClass: GlobalAuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AccessSettlingInterceptor },
  ],
  exports: [AccessTokenService, ApiKeyStrategy, UsersModule],
})
export class AuthModule {}
