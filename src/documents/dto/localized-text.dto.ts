import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, ValidateIf } from 'class-validator';

export class LocalizedTextDto {
  @ApiPropertyOptional({ example: 'Kubernetes 基础' })
  @ValidateIf((o: LocalizedTextDto) => o.zh !== undefined || o.en === undefined)
  @IsString({ message: 'zh or en must be given' })
  @Length(1, 500)
  zh?: string;

  @ApiPropertyOptional({ example: 'Kubernetes Fundamentals' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  en?: string;
}
