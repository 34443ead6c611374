import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module.js';
import { QuestionRevisionEntity } from './entities/question-revision.entity.js';
import { QuestionEntity } from './entities/question.entity.js';
import { InterchangeController } from './interchange.controller.js';
import { InterchangeService } from './interchange.service.js';
import { QuestionBankController } from './question-bank.controller.js';
import { QuestionBankService } from './question-bank.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([QuestionEntity, QuestionRevisionEntity]), DocumentsModule],
  controllers: [QuestionBankController, InterchangeController],
  providers: [QuestionBankService, InterchangeService],
  exports: [QuestionBankService],
})
export class QuestionBankModule {}
