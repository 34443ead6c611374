import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity.js';
import { UserEntity } from '../auth/entities/user.entity.js';
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
];
