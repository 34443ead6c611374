import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, Matches } from 'class-validator';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'acme-training', description: 'Lower-case letters, digits and dashes' })
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, { message: 'slug must be lower-case letters, digits and dashes' })
  slug: string;

  @ApiProperty({ example: 'ACME Cloud Training' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiPropertyOptional({ example: 'https://training.acme.example' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  url?: string;
}
