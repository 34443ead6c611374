import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { isUniqueViolation } from '../../common/errors/postgres-errors.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { AppException } from '../../common/errors/app.exception.js';
import { AppConfig } from '../../config/app-config.js';
import { HealthService } from '../../health/health.service.js';
import { ClientNodeClusterAdapter } from '../client-node-cluster-adapter.js';
import type { ClusterAdapter } from '../cluster-adapter.js';
import { ClusterEntity } from './cluster.entity.js';
import { toClusterDto, type ClusterDto, type RegisterClusterDto, type UpdateClusterDto } from './cluster.dto.js';

/** Registered clusters, their adapters, and which one takes the next lab. */
@Injectable()
export class ClusterRegistry implements OnApplicationBootstrap {
  private readonly box: SecretBox;
  private readonly adapters = new Map<string, ClusterAdapter>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly health: HealthService,
  ) {
    this.box = new SecretBox(config.SECRETS_ENCRYPTION_KEY, 'cluster-kubeconfigs');
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const cluster of await this.repo().findBy({ enabled: true })) this.watch(cluster);
  }

  async register(dto: RegisterClusterDto): Promise<ClusterDto> {
    try {
      const saved = await this.repo().save(
        this.repo().create({ name: dto.name, sealedKubeconfig: this.box.seal(dto.kubeconfig), capacity: dto.capacity ?? 50, labels: dto.labels ?? {}, enabled: true }),
      );
      this.watch(saved);
      return toClusterDto(saved, 0);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppException('already-exists', `A cluster named "${dto.name}" exists`);
      throw error;
    }
  }

  /** Registers or refreshes the embedded sandbox (its address changes at every start). */
  async upsertEmbedded(name: string, kubeconfig: string, capacity: number): Promise<ClusterEntity> {
    const existing = await this.repo().findOneBy({ name });
    const cluster = existing ?? this.repo().create({ name, labels: { sandbox: 'embedded' }, embedded: true, enabled: true });
    cluster.sealedKubeconfig = this.box.seal(kubeconfig);
    cluster.capacity = capacity;
    const saved = await this.repo().save(cluster);
    this.adapters.delete(saved.id);
    this.watch(saved);
    return saved;
  }

  async list(): Promise<ClusterDto[]> {
    const clusters = await this.repo().find({ order: { createdAt: 'ASC' } });
    const counts = await this.activeCounts();
    return clusters.map((c) => toClusterDto(c, counts.get(c.id) ?? 0));
  }

  async update(id: string, dto: UpdateClusterDto): Promise<ClusterDto> {
    const cluster = await this.repo().findOneBy({ id });
    if (!cluster) throw AppException.notFound('Cluster', id);
    if (dto.enabled !== undefined) cluster.enabled = dto.enabled;
    if (dto.capacity !== undefined) cluster.capacity = dto.capacity;
    const saved = await this.repo().save(cluster);
    if (saved.enabled) this.watch(saved);
    else this.health.unregister(`cluster:${saved.name}`);
    return toClusterDto(saved, (await this.activeCounts()).get(id) ?? 0);
  }

  adapterFor(cluster: ClusterEntity): ClusterAdapter {
    let adapter = this.adapters.get(cluster.id);
    if (!adapter) {
      adapter = new ClientNodeClusterAdapter(this.box.open(cluster.sealedKubeconfig));
      this.adapters.set(cluster.id, adapter);
    }
    return adapter;
  }

  async findById(id: string): Promise<ClusterEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** The enabled cluster with the most free places, or 503 with Retry-After when all are full. */
  async pick(): Promise<ClusterEntity> {
    const clusters = await this.repo().findBy({ enabled: true });
    const counts = await this.activeCounts();
    const free = clusters
      .map((cluster) => ({ cluster, free: cluster.capacity - (counts.get(cluster.id) ?? 0) }))
      .filter((entry) => entry.free > 0)
      .sort((a, b) => b.free - a.free);
    if (!free[0]) {
      throw new AppException('service-unavailable', 'Every lab cluster is at capacity; try again shortly', { headers: { 'retry-after': '60' } });
    }
    return free[0].cluster;
  }

  private watch(cluster: ClusterEntity): void {
    this.health.register(`cluster:${cluster.name}`, async () => {
      await this.adapterFor(cluster).ping();
    });
  }

  private async activeCounts(): Promise<Map<string, number>> {
    const rows: Array<{ cluster_id: string; n: string }> = await this.dataSource.query(
      `SELECT cluster_id, count(*) AS n FROM lab_sessions WHERE status = 'active' GROUP BY cluster_id`,
    );
    return new Map(rows.map((row) => [row.cluster_id, Number(row.n)]));
  }

  private repo() {
    return this.dataSource.getRepository(ClusterEntity);
  }
}
