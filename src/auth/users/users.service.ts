import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { UserEntity } from '../entities/user.entity.js';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: normalizeEmail(email) });
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
