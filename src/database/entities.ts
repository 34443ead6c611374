import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity.js';
import { UserEntity } from '../auth/entities/user.entity.js';
import { CourseEntity } from '../documents/entities/course.entity.js';
import { DocumentSectionEntity } from '../documents/entities/document-section.entity.js';
import { DocumentVersionEntity } from '../documents/entities/document-version.entity.js';
import { DocumentEntity } from '../documents/entities/document.entity.js';
import { ApiKeyEntity } from '../organizations/entities/api-key.entity.js';
import { InvitationEntity } from '../organizations/entities/invitation.entity.js';
import { MembershipEntity } from '../organizations/entities/membership.entity.js';
import { OrganizationEntity } from '../organizations/entities/organization.entity.js';

/** Every entity, listed once, for the app's DataSource and the migration CLI alike. */
export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  OrganizationEntity,
  MembershipEntity,
  InvitationEntity,
  ApiKeyEntity,
  CourseEntity,
  DocumentEntity,
  DocumentVersionEntity,
  DocumentSectionEntity,
];
