import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { startSandboxCluster, type SandboxCluster } from '../../sandbox-cluster/index.js';
import { ClusterRegistry } from './cluster-registry.service.js';

export const EMBEDDED_CLUSTER_NAME = 'embedded-sandbox';

/**
 * Starts the sandbox cluster in-process and registers it, so labs work with nothing else
 * installed. Each process has its own sandbox: fine for development, tests and demos; run
 * real clusters for several replicas.
 */
@Injectable()
export class EmbeddedSandbox implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('EmbeddedSandbox');
  private cluster: SandboxCluster | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: ClusterRegistry,
  ) {}

  get running(): SandboxCluster | null {
    return this.cluster;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.SANDBOX_ENABLED) return;
    // The sandbox keeps real time (its controllers simulate a cluster); the app's clock, which
    // tests step, only governs the API's own deadlines.
    this.cluster = await startSandboxCluster({ port: this.config.SANDBOX_PORT, host: '127.0.0.1' });
    await this.registry.upsertEmbedded(EMBEDDED_CLUSTER_NAME, this.cluster.kubeconfig(), this.config.SANDBOX_CAPACITY);
    this.logger.log(`embedded sandbox cluster at ${this.cluster.url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.cluster?.close();
    this.cluster = null;
  }
}
