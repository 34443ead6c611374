import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { ClusterEntity } from './cluster.entity.js';

export class RegisterClusterDto {
  @ApiProperty({ example: 'k3s-lab-1' })
  @Matches(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/)
  name: string;

  @ApiProperty({ description: 'kubeconfig (YAML) with a user allowed to manage namespaces, RBAC and workloads' })
  @IsString()
  @Length(20, 200_000)
  kubeconfig: string;

  @ApiPropertyOptional({ example: 50, default: 50 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity?: number;

  @ApiPropertyOptional({ example: { region: 'eu' } })
  @IsOptional()
  @IsObject()
  labels?: Record<string, string>;
}

export class UpdateClusterDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity?: number;
}

export class ClusterDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  capacity: number;

  @ApiProperty()
  labels: Record<string, string>;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ description: 'The embedded sandbox cluster' })
  embedded: boolean;

  @ApiProperty({ example: 3, description: 'Lab sessions running on it now' })
  activeSessions: number;

  @ApiProperty()
  createdAt: string;
}

export function toClusterDto(cluster: ClusterEntity, activeSessions: number): ClusterDto {
  return {
    id: cluster.id,
    name: cluster.name,
    capacity: cluster.capacity,
    labels: cluster.labels,
    enabled: cluster.enabled,
    embedded: cluster.embedded,
    activeSessions,
    createdAt: cluster.createdAt.toISOString(),
  };
}
