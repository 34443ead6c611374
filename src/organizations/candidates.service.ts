import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Not, Repository, type EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import type { UserEntity } from '../auth/entities/user.entity.js';
import { UsersService, normalizeEmail } from '../auth/users/users.service.js';
import { AppException } from '../common/errors/app.exception.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { assertOrganizationAccess } from './organization-access.js';
import type { CandidateDto, UpsertCandidateDto } from './dto/candidate.dto.js';

/** Candidates that an LMS provisions by its own ids, without passwords. */
@Injectable()
export class CandidatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly users: UsersService,
  ) {}

  async upsert(auth: AuthContext, organizationId: string, externalId: string, dto: UpsertCandidateDto): Promise<CandidateDto> {
    assertOrganizationAccess(auth, organizationId);
    const email = normalizeEmail(dto.email);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(MembershipEntity);
      const known = await repo.findOne({
        where: { organizationId, externalId },
        relations: { user: true },
        lock: { mode: 'pessimistic_write', tables: ['memberships'] },
      });
      if (known) {
        if (known.user!.email !== email) {
          throw new AppException('conflict', `Candidate ${externalId} is registered with another email; emails cannot change`);
        }
        const rename = known.user!.displayName !== dto.displayName && (await this.managedHereOnly(manager, known.user!, organizationId));
        if (rename) await this.users.update(manager, known.userId, { displayName: dto.displayName });
        if (!known.roles.includes('candidate')) await repo.update({ id: known.id }, { roles: [...known.roles, 'candidate'] });
        return { userId: known.userId, externalId, email, displayName: rename ? dto.displayName : known.user!.displayName, created: false };
      }
      const user = await this.users.findOrCreate(manager, { email, displayName: dto.displayName });
      const membership = await repo.findOneBy({ organizationId, userId: user.id });
      if (membership?.externalId) {
        throw new AppException('conflict', `${email} is already candidate ${membership.externalId} in this organization`);
      }
      if (membership) {
        const roles = membership.roles.includes('candidate') ? membership.roles : [...membership.roles, 'candidate' as const];
        await repo.update({ id: membership.id }, { externalId, roles });
      } else {
        await repo.insert({ organizationId, userId: user.id, roles: ['candidate'], externalId });
      }
      return { userId: user.id, externalId, email, displayName: user.displayName, created: true };
    });
  }

  /**
   * An integration renames only the accounts it alone manages: no password of their own and
   * no other organisation. A person shared with another organisation keeps the name they have
   * there, so one tenant cannot change what another shows (members, future certificates).
   */
  private async managedHereOnly(manager: EntityManager, user: UserEntity, organizationId: string): Promise<boolean> {
    if (user.passwordHash) return false;
    return (await manager.getRepository(MembershipEntity).countBy({ userId: user.id, organizationId: Not(organizationId) })) === 0;
  }

  /** The integration's id for a member, for outbound events; null when no integration provisioned them. */
  async externalIdOf(manager: EntityManager, organizationId: string, userId: string): Promise<string | null> {
    const membership = await manager.getRepository(MembershipEntity).findOneBy({ organizationId, userId });
    return membership?.externalId ?? null;
  }

  async findByExternalId(auth: AuthContext, organizationId: string, externalId: string): Promise<MembershipEntity> {
    assertOrganizationAccess(auth, organizationId);
    const membership = await this.memberships.findOne({ where: { organizationId, externalId }, relations: { user: true } });
    if (!membership || !membership.roles.includes('candidate')) throw AppException.notFound('Candidate', externalId);
    return membership;
  }
}
