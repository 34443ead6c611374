import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A remembered answer to an unsafe request sent with `Idempotency-Key`. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  /** Who sent it and to which operation: keys of different callers never collide. */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Hash of the request's target and body: a key reused for something else is refused. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ name: 'status_code', type: 'integer' })
  statusCode: number;

  /** Null while the first request is still running. */
  @Column({ type: 'jsonb', nullable: true })
  body: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
