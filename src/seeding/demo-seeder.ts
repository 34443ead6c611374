import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher.js';
import { UsersService } from '../auth/users/users.service.js';
import { randomSecret } from '../common/crypto/secrets.js';
import { MembershipEntity } from '../organizations/entities/membership.entity.js';
import { OrganizationEntity } from '../organizations/entities/organization.entity.js';
import type { Role } from '../organizations/roles.js';

export const DEMO_ORGANIZATION_SLUG = 'demo';
export const DEMO_DOMAIN = 'demo.kubequiz.local';

interface DemoAccount {
  key: 'admin' | Role;
  email: string;
  displayName: string;
  roles: Role[];
  platformAdmin: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { key: 'admin', email: `admin@${DEMO_DOMAIN}`, displayName: 'Platform Admin', roles: [], platformAdmin: true },
  { key: 'owner', email: `owner@${DEMO_DOMAIN}`, displayName: '王店长 (Owner)', roles: ['owner'], platformAdmin: false },
  { key: 'author', email: `author@${DEMO_DOMAIN}`, displayName: '陈作者 (Author)', roles: ['author'], platformAdmin: false },
  { key: 'examiner', email: `examiner@${DEMO_DOMAIN}`, displayName: 'Erin Examiner', roles: ['examiner'], platformAdmin: false },
  { key: 'candidate', email: `candidate@${DEMO_DOMAIN}`, displayName: '李学员 (Candidate)', roles: ['candidate'], platformAdmin: false },
];

export class SeedReport {
  readonly created: Array<{ email: string; password: string; roles: string }> = [];
  organizationId = '';

  printable(): string[] {
    if (this.created.length === 0) {
      return ['Demo accounts already exist (their passwords were printed when they were created).'];
    }
    return [
      'Demo accounts created; these passwords are shown only now:',
      ...this.created.map((a) => `  ${a.email.padEnd(32)} ${a.password}   (${a.roles})`),
    ];
  }
}

/** Creates the demo organisation and one account per role; running it again changes nothing. */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
  ) {}

  async seed(choosePassword: (account: DemoAccount) => string = () => randomSecret(12)): Promise<SeedReport> {
    const report = new SeedReport();
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(OrganizationEntity)
        .values({ slug: DEMO_ORGANIZATION_SLUG, name: 'Demo Training Co.', url: null })
        .orIgnore()
        .execute();
      const organization = await manager.getRepository(OrganizationEntity).findOneByOrFail({ slug: DEMO_ORGANIZATION_SLUG });
      report.organizationId = organization.id;
      for (const account of DEMO_ACCOUNTS) {
        if (await this.users.findByEmail(account.email, manager)) continue;
        const password = choosePassword(account);
        const user = await this.users.findOrCreate(manager, {
          email: account.email,
          displayName: account.displayName,
          passwordHash: await this.passwords.hash(password),
        });
        if (account.platformAdmin) await this.users.update(manager, user.id, { isPlatformAdmin: true });
        if (account.roles.length) {
          await manager
            .createQueryBuilder()
            .insert()
            .into(MembershipEntity)
            .values({ organizationId: organization.id, userId: user.id, roles: account.roles })
            .orIgnore()
            .execute();
        }
        report.created.push({ email: account.email, password, roles: account.platformAdmin ? 'platform admin' : account.roles.join(', ') });
      }
    });
    return report;
  }
}
