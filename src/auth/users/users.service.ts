import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import type { Role } from '../../organizations/roles.js';
import { UserEntity } from '../entities/user.entity.js';

export interface UserProfile {
  email: string;
  displayName: string;
  memberships: Array<{ organizationId: string; organizationName: string; roles: Role[] }>;
}

/** What a person may currently do: platform administration and roles per organisation. */
export interface PersonStanding {
  isPlatformAdmin: boolean;
  rolesByOrganization: Record<string, Role[]>;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return (manager?.getRepository(UserEntity) ?? this.users).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * The account with its memberships in one round trip: `GET /v1/me` is the hottest
   * authenticated read (apps call it on every launch).
   */
  async findProfile(id: string): Promise<UserProfile | null> {
    const rows: Array<{ email: string; display_name: string; memberships: UserProfile['memberships'] }> =
      await this.users.query(
        `SELECT u.email, u.display_name,
                COALESCE(json_agg(json_build_object('organizationId', m.organization_id,
                                                    'organizationName', o.name,
                                                    'roles', m.roles) ORDER BY m.created_at)
                         FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
           FROM users u
           LEFT JOIN memberships m ON m.user_id = u.id
           LEFT JOIN organizations o ON o.id = m.organization_id
          WHERE u.id = $1
          GROUP BY u.id`,
        [id],
      );
    const row = rows[0];
    return row ? { email: row.email, displayName: row.display_name, memberships: row.memberships } : null;
  }

  /** Read on every authenticated request that misses the access cache: one round trip. */
  async findStanding(id: string): Promise<PersonStanding | null> {
    const rows: Array<{ is_platform_admin: boolean; roles: Record<string, Role[]> }> = await this.users.query(
      `SELECT u.is_platform_admin,
              COALESCE(json_object_agg(m.organization_id, m.roles) FILTER (WHERE m.id IS NOT NULL), '{}') AS roles
         FROM users u
         LEFT JOIN memberships m ON m.user_id = u.id
        WHERE u.id = $1
        GROUP BY u.id`,
      [id],
    );
    const row = rows[0];
    return row ? { isPlatformAdmin: row.is_platform_admin, rolesByOrganization: row.roles } : null;
  }

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return (manager?.getRepository(UserEntity) ?? this.users).findOneBy({ email: normalizeEmail(email) });
  }

  /** Finds the user with this email or creates one, inside the caller's transaction. */
  async findOrCreate(
    manager: EntityManager,
    fields: { email: string; displayName: string; passwordHash?: string | null },
  ): Promise<UserEntity> {
    const email = normalizeEmail(fields.email);
    await manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({ email, displayName: fields.displayName, passwordHash: fields.passwordHash ?? null })
      .orIgnore()
      .execute();
    return manager.getRepository(UserEntity).findOneByOrFail({ email });
  }

  async update(
    manager: EntityManager,
    id: string,
    fields: Partial<Pick<UserEntity, 'displayName' | 'passwordHash' | 'isPlatformAdmin'>>,
  ): Promise<void> {
    await manager.getRepository(UserEntity).update({ id }, fields);
  }
}
