import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module.js';
import { QuestionRevisionEntity } from './entities/question-revision.entity.js';
import { QuestionEntity } from './entities/question.entity.js';
import { QuestionBankController } from './question-bank.controller.js';
import { QuestionBankService } from './question-bank.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([QuestionEntity, QuestionRevisionEntity]), DocumentsModule],
  controllers: [QuestionBankController],
  providers: [QuestionBankService],
  exports: [QuestionBankService],
})
export class QuestionBankModule {}
