import { Module } from '@nestjs/common';
import { UsersModule } from '../auth/users/users.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { QuestionBankModule } from '../question-bank/question-bank.module.js';
import { CourseSeeder } from './course-seeder.js';
import { DemoSeeder } from './demo-seeder.js';

@Module({
  imports: [UsersModule, DocumentsModule, QuestionBankModule],
  providers: [DemoSeeder, CourseSeeder],
  exports: [DemoSeeder, CourseSeeder],
})
export class SeedingModule {}
