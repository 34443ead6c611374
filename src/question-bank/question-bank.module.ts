import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module.js';
import { CandidateVisibility } from './candidate-visibility.service.js';
import { QuestionRevisionEntity } from './entities/question-revision.entity.js';
import { QuestionEntity } from './entities/question.entity.js';
import { GenerationController } from './generation.controller.js';
import { GenerationService } from './generation.service.js';
import { InterchangeController } from './interchange.controller.js';
import { InterchangeService } from './interchange.service.js';
import { QuestionBankController } from './question-bank.controller.js';
import { QuestionBankService } from './question-bank.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([QuestionEntity, QuestionRevisionEntity]), DocumentsModule],
  controllers: [QuestionBankController, InterchangeController, GenerationController],
  providers: [QuestionBankService, InterchangeService, GenerationService, CandidateVisibility],
  exports: [QuestionBankService, CandidateVisibility],
})
export class QuestionBankModule {}
