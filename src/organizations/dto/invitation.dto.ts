import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../roles.js';

export class CreateInvitationDto {
  @ApiProperty({ example: 'zhang.min@acme.example' })
  @IsEmail()
  email: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['author'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ example: 'zhang.min@acme.example' })
  email: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty()
  expiresAt: string;

  @ApiProperty({ description: 'Send this to the invitee; shown only in this response' })
  token: string;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation' })
  @IsString()
  @Length(20, 200)
  token: string;

  @ApiProperty({ example: '张敏' })
  @IsString()
  @Length(1, 200)
  displayName: string;

  @ApiPropertyOptional({ description: 'Required for a new account; at least 10 characters', example: 'correct horse battery' })
  @IsOptional()
  @IsString()
  @Length(10, 200)
  password?: string;
}

export class AcceptedInvitationDto {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
}
