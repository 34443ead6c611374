import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module.js';
import { QuestionBankModule } from '../question-bank/question-bank.module.js';
import { PracticeResultEntity } from './entities/practice-result.entity.js';
import { OfflinePracticeController } from './offline-practice.controller.js';
import { OfflineResultsService } from './offline-results.service.js';
import { PracticeBundleService } from './practice-bundle.service.js';
import { QuizzesController } from './quizzes.controller.js';
import { QuizzesService } from './quizzes.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PracticeResultEntity]), DocumentsModule, QuestionBankModule],
  controllers: [QuizzesController, OfflinePracticeController],
  providers: [QuizzesService, PracticeBundleService, OfflineResultsService],
})
export class QuizzesModule {}
