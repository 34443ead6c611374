import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import type { MembershipEntity } from '../entities/membership.entity.js';
import type { OrganizationEntity } from '../entities/organization.entity.js';
import { ROLES, type Role } from '../roles.js';
import { PageQueryDto } from '../../common/pagination/page.js';

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'acme-training' })
  slug: string;

  @ApiProperty({ example: 'ACME Cloud Training' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: 'https://training.acme.example' })
  url: string | null;

  @ApiProperty()
  createdAt: string;
}

export class OrganizationPageDto {
  @ApiProperty({ type: [OrganizationDto] })
  items: OrganizationDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: 'li.wei@acme.example' })
  email: string;

  @ApiProperty({ example: '李伟' })
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['author'] })
  roles: Role[];

  @ApiProperty({ nullable: true, type: String, example: 'lms-4711' })
  externalId: string | null;

  @ApiProperty()
  joinedAt: string;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto] })
  items: MemberDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class MemberQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UpdateMemberRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['author', 'examiner'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export function toOrganizationDto(organization: OrganizationEntity): OrganizationDto {
  return {
    id: organization.id,
    slug: organization.slug,
    name: organization.name,
    url: organization.url,
    createdAt: organization.createdAt.toISOString(),
  };
}

export function toMemberDto(membership: MembershipEntity): MemberDto {
  return {
    userId: membership.userId,
    email: membership.user?.email ?? '',
    displayName: membership.user?.displayName ?? '',
    roles: membership.roles,
    externalId: membership.externalId,
    joinedAt: membership.createdAt.toISOString(),
  };
}
