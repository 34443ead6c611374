import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DocumentVersionEntity } from './document-version.entity.js';

/** One node of a version's section tree, stored flat in document order. */
@Entity('document_sections')
@Unique('uq_document_sections_key', ['versionId', 'key'])
export class DocumentSectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @ManyToOne(() => DocumentVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: DocumentVersionEntity;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ name: 'parent_key', type: 'text', nullable: true })
  parentKey: string | null;

  /** 1-based among siblings. */
  @Column({ name: 'sibling_order', type: 'integer' })
  siblingOrder: number;

  /** 0-based in the whole document. */
  @Column({ name: 'document_index', type: 'integer' })
  documentIndex: number;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  text: string;
}
