import { DynamicModule, Global, Module } from '@nestjs/common';
import { InMemoryRateLimiter } from './rate-limit/in-memory-rate-limiter.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { Clock, SystemClock } from './time/clock.js';

/** Cross-cutting providers: the clock every module reads time from, the request rate limiter. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: Clock, useValue: clock },
        { provide: RateLimiter, useClass: InMemoryRateLimiter },
      ],
      exports: [Clock, RateLimiter],
    };
  }
}
