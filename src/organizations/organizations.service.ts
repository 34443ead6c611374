import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { decodeCursor, toPage, type Page, type PageQueryDto } from '../common/pagination/page.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { OrganizationEntity } from './entities/organization.entity.js';
import { assertOrganizationAccess } from './organization-access.js';
import type { Role } from './roles.js';
import type { CreateOrganizationDto } from './dto/create-organization.dto.js';
import { toMemberDto, toOrganizationDto, type MemberDto, type OrganizationDto } from './dto/organization.dto.js';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
  ) {}

  async create(dto: CreateOrganizationDto): Promise<OrganizationDto> {
    try {
      const saved = await this.organizations.save(
        this.organizations.create({ slug: dto.slug, name: dto.name, url: dto.url ?? null }),
      );
      return toOrganizationDto(saved);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppException('already-exists', `An organization with slug "${dto.slug}" already exists`);
      }
      throw error;
    }
  }

  async list(auth: AuthContext, query: PageQueryDto): Promise<Page<OrganizationDto>> {
    const position = decodeCursor(query.cursor, 'text');
    const qb = this.organizations.createQueryBuilder('o').orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC');
    if (!auth.isPlatformAdmin) {
      qb.innerJoin(MembershipEntity, 'm', 'm.organization_id = o.id AND m.user_id = :userId', {
        userId: auth.userId ?? '00000000-0000-0000-0000-000000000000',
      });
      // An integration, and a token it minted for a candidate, see their own organisation only.
      if (auth.kind === 'api-key' || auth.actingApiKeyId) qb.where('o.id = :org', { org: auth.organizationId });
    }
    if (position) qb.andWhere('(o.name, o.id) > (:sort, :id)', position);
    const rows = await qb.take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (o) => ({ sort: o.name, id: o.id }), toOrganizationDto);
  }

  async get(auth: AuthContext, id: string): Promise<OrganizationDto> {
    assertOrganizationAccess(auth, id);
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw AppException.notFound('Organization', id);
    return toOrganizationDto(organization);
  }

  async findById(id: string): Promise<OrganizationEntity | null> {
    return this.organizations.findOneBy({ id });
  }

  membershipsOfUser(userId: string): Promise<MembershipEntity[]> {
    return this.memberships.find({ where: { userId }, relations: { organization: true }, order: { createdAt: 'ASC' } });
  }

  findMembership(organizationId: string, userId: string, manager?: EntityManager): Promise<MembershipEntity | null> {
    return (manager?.getRepository(MembershipEntity) ?? this.memberships).findOneBy({ organizationId, userId });
  }

  async listMembers(auth: AuthContext, organizationId: string, query: PageQueryDto, role?: Role): Promise<Page<MemberDto>> {
    assertOrganizationAccess(auth, organizationId);
    const position = decodeCursor(query.cursor, 'text');
    const qb = this.memberships
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.organization_id = :organizationId', { organizationId })
      .orderBy('u.email', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (role) qb.andWhere(':role = ANY(m.roles)', { role });
    if (position) qb.andWhere('(u.email, m.id) > (:sort, :id)', position);
    const rows = await qb.take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (m) => ({ sort: m.user!.email, id: m.id }), toMemberDto);
  }

  async updateMemberRoles(auth: AuthContext, organizationId: string, userId: string, roles: Role[]): Promise<MemberDto> {
    assertOrganizationAccess(auth, organizationId);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(MembershipEntity);
      const membership = await repo.findOne({
        where: { organizationId, userId },
        relations: { user: true },
        lock: { mode: 'pessimistic_write', tables: ['memberships'] },
      });
      if (!membership) throw AppException.notFound('Member', userId);
      if (membership.roles.includes('owner') && !roles.includes('owner')) {
        await this.assertAnotherOwner(manager.getRepository(MembershipEntity), organizationId, userId);
      }
      membership.roles = [...new Set(roles)];
      await repo.update({ id: membership.id }, { roles: membership.roles });
      return toMemberDto(membership);
    });
  }

  async removeMember(auth: AuthContext, organizationId: string, userId: string): Promise<void> {
    assertOrganizationAccess(auth, organizationId);
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(MembershipEntity);
      const membership = await repo.findOne({ where: { organizationId, userId }, lock: { mode: 'pessimistic_write' } });
      if (!membership) throw AppException.notFound('Member', userId);
      if (membership.roles.includes('owner')) await this.assertAnotherOwner(repo, organizationId, userId);
      await repo.delete({ id: membership.id });
    });
  }

  private async assertAnotherOwner(repo: Repository<MembershipEntity>, organizationId: string, userId: string) {
    const others = await repo
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId AND m.user_id <> :userId', { organizationId, userId })
      .andWhere(`'owner' = ANY(m.roles)`)
      .getCount();
    if (others === 0) throw new AppException('conflict', 'An organization must keep at least one owner');
  }
}
