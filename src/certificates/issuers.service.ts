import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { OrganizationEntity } from '../organizations/entities/organization.entity.js';
import { assertOrganizationAccess } from '../organizations/organization-access.js';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './core/index.js';
import { CertificateUrls } from './certificate-urls.js';
import type { IssuerKeyDto, IssuerKeysDto, IssuerProfileDto } from './dto/issuer.dto.js';
import type { IssuerKeyEntity } from './entities/issuer-key.entity.js';
import { IssuerKeysService } from './issuer-keys.service.js';

/** Organisations as credential issuers: the public Profile and the management of their keys. */
@Injectable()
export class IssuersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuerKeysService,
    private readonly urls: CertificateUrls,
  ) {}

  /** The OB 3.0 Profile served at the issuer id; public, it names the organisation only. */
  async profile(organizationId: string): Promise<IssuerProfileDto> {
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: organizationId });
    if (!organization) throw AppException.notFound('Issuer', organizationId);
    return {
      '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
      id: this.urls.issuer(organization.id),
      type: ['Profile'],
      name: organization.name,
      ...(organization.url && URL.canParse(organization.url) ? { url: organization.url } : {}),
    };
  }

  async listKeys(auth: AuthContext, organizationId: string): Promise<IssuerKeysDto> {
    assertOrganizationAccess(auth, organizationId);
    await this.profile(organizationId);
    const keys = await this.keys.keysOf(this.dataSource.manager, organizationId);
    const current = keys.find((key) => key.retiredAt === null);
    if (!current) {
      // No certificate yet: create the key now so the answer always has a current one.
      await this.keys.signingKey(organizationId);
      return this.listKeys(auth, organizationId);
    }
    return { current: toIssuerKeyDto(current), retired: keys.filter((key) => key !== current).map(toIssuerKeyDto) };
  }

  async rotate(auth: AuthContext, organizationId: string): Promise<IssuerKeysDto> {
    assertOrganizationAccess(auth, organizationId);
    await this.profile(organizationId);
    const { current, retired } = await this.keys.rotate(organizationId);
    return { current: toIssuerKeyDto(current), retired: retired.map(toIssuerKeyDto) };
  }
}

function toIssuerKeyDto(key: IssuerKeyEntity): IssuerKeyDto {
  const { kty, crv, x, kid, alg, use } = key.publicJwk;
  return { kty, crv, x, kid, alg, use, createdAt: key.createdAt.toISOString(), retiredAt: key.retiredAt?.toISOString() ?? null };
}
