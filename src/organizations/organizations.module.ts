import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../auth/users/users.module.js';
import { AccessManagementController } from './access-management.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { CandidatesController } from './candidates.controller.js';
import { CandidatesService } from './candidates.service.js';
import { ApiKeyEntity } from './entities/api-key.entity.js';
import { InvitationEntity } from './entities/invitation.entity.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { OrganizationEntity } from './entities/organization.entity.js';
import { InvitationsService } from './invitations.service.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([OrganizationEntity, MembershipEntity, InvitationEntity, ApiKeyEntity]),
    UsersModule,
  ],
  controllers: [OrganizationsController, AccessManagementController, CandidatesController],
  providers: [OrganizationsService, ApiKeysService, InvitationsService, CandidatesService],
  exports: [OrganizationsService, ApiKeysService, CandidatesService],
})
export class OrganizationsModule {}
