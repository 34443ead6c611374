import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class IssuerProfileDto {
  @ApiProperty({ example: ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] })
  '@context': string[];

  @ApiProperty({ example: 'https://kubequiz.example/v1/issuers/6a1f…' })
  id: string;

  @ApiProperty({ example: ['Profile'] })
  type: string[];

  @ApiProperty({ example: 'Demo Training Co.' })
  name: string;

  @ApiPropertyOptional({ example: 'https://demo.example' })
  url?: string;
}

export class PublicJwkDto {
  @ApiProperty({ example: 'OKP' })
  kty: string;

  @ApiProperty({ example: 'Ed25519' })
  crv: string;

  @ApiProperty()
  x: string;

  @ApiProperty({ description: 'RFC 7638 thumbprint' })
  kid: string;

  @ApiProperty({ example: 'EdDSA' })
  alg: string;

  @ApiProperty({ example: 'sig' })
  use: string;
}

export class JwksDto {
  @ApiProperty({ type: [PublicJwkDto] })
  keys: PublicJwkDto[];
}

export class IssuerKeyDto extends PublicJwkDto {
  @ApiProperty()
  createdAt: string;

  @ApiProperty({ nullable: true, type: String, description: 'Null for the current key' })
  retiredAt: string | null;
}

export class IssuerKeysDto {
  @ApiProperty({ type: IssuerKeyDto, description: 'Signs from now on' })
  current: IssuerKeyDto;

  @ApiProperty({ type: [IssuerKeyDto], description: 'Still published, so what they signed keeps verifying' })
  retired: IssuerKeyDto[];
}

export class StatusListResponseDto {
  @ApiProperty({ description: 'The BitstringStatusListCredential', type: 'object', additionalProperties: true })
  credential: Record<string, unknown>;

  @ApiProperty({ description: 'The same, signed as a VC-JWT' })
  jwt: string;
}
