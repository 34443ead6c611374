import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { UsersService, normalizeEmail } from '../auth/users/users.service.js';
import { randomSecret, sha256 } from '../common/crypto/secrets.js';
import { AppException } from '../common/errors/app.exception.js';
import { Clock } from '../common/time/clock.js';
import { InvitationEntity } from './entities/invitation.entity.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { assertOrganizationAccess } from './organization-access.js';
import type { AcceptedInvitationDto, AcceptInvitationDto, CreateInvitationDto, InvitationDto } from './dto/invitation.dto.js';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, organizationId: string, dto: CreateInvitationDto): Promise<InvitationDto> {
    assertOrganizationAccess(auth, organizationId);
    const token = randomSecret(24);
    const repo = this.dataSource.getRepository(InvitationEntity);
    const saved = await repo.save(
      repo.create({
        organizationId,
        email: normalizeEmail(dto.email),
        roles: dto.roles,
        tokenHash: sha256(token),
        invitedById: auth.userId!,
        expiresAt: new Date(this.clock.now().getTime() + INVITATION_TTL_MS),
      }),
    );
    return {
      id: saved.id,
      organizationId,
      email: saved.email,
      roles: saved.roles,
      expiresAt: saved.expiresAt.toISOString(),
      token,
    };
  }

  /** Accepting proves the invitee holds the token; roles are added to any existing membership. */
  async accept(dto: AcceptInvitationDto): Promise<AcceptedInvitationDto> {
    const passwordHash = dto.password ? await this.passwords.hash(dto.password) : null;
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.getRepository(InvitationEntity).findOne({
        where: { tokenHash: sha256(dto.token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitation.acceptedAt || invitation.expiresAt <= this.clock.now()) {
        throw new AppException('invalid-token', 'The invitation is unknown, already used or expired');
      }
      const existing = await this.users.findByEmail(invitation.email, manager);
      if (!existing && !passwordHash) {
        throw AppException.validation([{ path: 'password', message: 'password is required for a new account' }]);
      }
      const user = await this.users.findOrCreate(manager, {
        email: invitation.email,
        displayName: dto.displayName,
        passwordHash,
      });
      if (!user.passwordHash && passwordHash) await this.users.update(manager, user.id, { passwordHash });
      const memberships = manager.getRepository(MembershipEntity);
      const membership = await memberships.findOneBy({ organizationId: invitation.organizationId, userId: user.id });
      const roles = [...new Set([...(membership?.roles ?? []), ...invitation.roles])];
      if (membership) await memberships.update({ id: membership.id }, { roles });
      else await memberships.insert({ organizationId: invitation.organizationId, userId: user.id, roles });
      await manager.getRepository(InvitationEntity).update({ id: invitation.id }, { acceptedAt: this.clock.now() });
      return { organizationId: invitation.organizationId, userId: user.id, roles };
    });
  }
}
