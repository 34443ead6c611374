import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import type { ApiKeyEntity } from '../entities/api-key.entity.js';
import { API_KEY_SCOPES, type ApiKeyScope } from '../roles.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Moodle production' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['candidates:write', 'candidates:token'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes: ApiKeyScope[];
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Moodle production' })
  name: string;

  @ApiProperty({ example: 'kq_3fa85f64', description: 'Identifies the key in lists and logs' })
  prefix: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true })
  scopes: ApiKeyScope[];

  @ApiProperty({ nullable: true, type: String })
  lastUsedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  revokedAt: string | null;

  @ApiProperty()
  createdAt: string;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    example: 'kq_3fa85f64_V2hhdCBhIHNlY3JldCB0aGlzIGlzLCBpc24ndCBpdD8',
    description: 'The key itself. Shown only in this response: store it now.',
  })
  key: string;
}

export class ApiKeyPageDto {
  @ApiProperty({ type: [ApiKeyDto] })
  items: ApiKeyDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function toApiKeyDto(key: ApiKeyEntity): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}
