import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException } from '../common/errors/app.exception.js';

export interface DependencyCheck {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface ReadinessReport {
  status: 'ok';
  checks: Record<string, DependencyCheck>;
}

/** A dependency other modules register (e.g. the cluster registry) to be part of readiness. */
export type ReadinessProbe = () => Promise<void>;

const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  private readonly probes = new Map<string, ReadinessProbe>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.probes.set('database', async () => {
      await dataSource.query('SELECT 1');
    });
  }

  register(name: string, probe: ReadinessProbe): void {
    this.probes.set(name, probe);
  }

  unregister(name: string): void {
    this.probes.delete(name);
  }

  async readiness(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.probes].map(async ([name, probe]) => [name, await this.run(probe)] as const),
    );
    const checks = Object.fromEntries(entries);
    if (entries.some(([, check]) => check.status === 'down')) {
      throw new AppException('service-unavailable', 'A dependency is not ready', { checks });
    }
    return { status: 'ok', checks };
  }

  private async run(probe: ReadinessProbe): Promise<DependencyCheck> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
        }),
      ]);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
