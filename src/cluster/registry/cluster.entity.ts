import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A Kubernetes cluster labs can run on. The kubeconfig is sealed at rest. */
@Entity('clusters')
export class ClusterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ name: 'sealed_kubeconfig', type: 'text' })
  sealedKubeconfig: string;

  /** Most lab namespaces at once. */
  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'jsonb', default: {} })
  labels: Record<string, string>;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** The in-process sandbox: re-registered at each start with its new address. */
  @Column({ type: 'boolean', default: false })
  embedded: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
