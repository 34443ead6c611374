import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { DocumentFormat, DocumentLanguage, KeySource } from '../parsing/types.js';
import { DocumentEntity } from './document.entity.js';

/** An immutable upload of a document; a new one is stored only when the content changes. */
@Entity('document_versions')
@Unique('uq_document_versions_number', ['documentId', 'version'])
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: DocumentEntity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ type: 'text' })
  format: DocumentFormat;

  @Column({ type: 'text' })
  language: DocumentLanguage;

  @Column({ name: 'key_source', type: 'text' })
  keySource: KeySource;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ name: 'section_count', type: 'integer' })
  sectionCount: number;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
