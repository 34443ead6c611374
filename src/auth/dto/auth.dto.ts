import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { API_KEY_SCOPES, ROLES, type ApiKeyScope, type Role } from '../../organizations/roles.js';

export class LoginDto {
  @ApiProperty({ example: 'author@demo.kubequiz.local' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'demo-author-password' })
  @IsString()
  @Length(1, 200)
  password: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Organization to act in; defaults to the first membership' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh' })
  @IsString()
  @Length(10, 300)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiJ9...' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'Access token lifetime in seconds' })
  expiresIn: number;

  @ApiProperty({ description: 'Single use: each refresh returns a new one' })
  refreshToken: string;
}

export class CandidateTokenDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiJ9...' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 3600 })
  expiresIn: number;

  @ApiProperty({ format: 'uuid' })
  userId: string;
}

export class MembershipSummaryDto {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ example: 'Demo Training Co.' })
  organizationName: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
}

export class MeDto {
  @ApiProperty({ enum: ['user', 'api-key'] })
  kind: 'user' | 'api-key';

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  userId: string | null;

  @ApiPropertyOptional({ example: 'author@demo.kubequiz.local' })
  email?: string;

  @ApiPropertyOptional({ example: '陈作者' })
  displayName?: string;

  @ApiProperty()
  isPlatformAdmin: boolean;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The organization this token acts in' })
  organizationId: string | null;

  @ApiProperty({ enum: ROLES, isArray: true, description: 'Roles in that organization' })
  roles: Role[];

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, description: 'For API keys' })
  scopes: ApiKeyScope[];

  @ApiProperty({ type: [MembershipSummaryDto] })
  memberships: MembershipSummaryDto[];
}
