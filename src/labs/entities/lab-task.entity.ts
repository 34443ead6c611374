import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity.js';
import type { TaskDefinition } from '../core/index.js';

/** A lab task an organisation's authors wrote; the shipped ones come from seeds/labs. */
@Entity('lab_tasks')
@Unique('uq_lab_tasks_org_task', ['organizationId', 'taskId'])
export class LabTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ name: 'task_id', type: 'text' })
  taskId: string;

  @Column({ type: 'jsonb' })
  definition: TaskDefinition;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
