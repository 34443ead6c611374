import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { HostResolver, SystemHostResolver } from './host-resolver.js';
import { OutboundHttpClient } from './outbound-http-client.js';
import { OutboundUrlGuard } from './outbound-url-guard.js';

/** The outbound guard and HTTP client, one for every module that calls tenant-given URLs. */
@Global()
@Module({})
export class OutboundModule {
  static forRoot(resolver: HostResolver = new SystemHostResolver()): DynamicModule {
    return {
      module: OutboundModule,
      providers: [
        { provide: HostResolver, useValue: resolver },
        {
          provide: OutboundUrlGuard,
          inject: [HostResolver, AppConfig],
          useFactory: (hostResolver: HostResolver, config: AppConfig) => new OutboundUrlGuard(hostResolver, { allowPrivateNetworks: config.WEBHOOK_ALLOW_PRIVATE_URLS }),
        },
        { provide: OutboundHttpClient, inject: [OutboundUrlGuard], useFactory: (guard: OutboundUrlGuard) => new OutboundHttpClient(guard) },
      ],
      exports: [OutboundUrlGuard, OutboundHttpClient],
    };
  }
}
