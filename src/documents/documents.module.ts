import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesController } from './courses.controller.js';
import { CoursesService } from './courses.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { CourseEntity } from './entities/course.entity.js';
import { DocumentSectionEntity } from './entities/document-section.entity.js';
import { DocumentVersionEntity } from './entities/document-version.entity.js';
import { DocumentEntity } from './entities/document.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([CourseEntity, DocumentEntity, DocumentVersionEntity, DocumentSectionEntity])],
  controllers: [CoursesController, DocumentsController],
  providers: [CoursesService, DocumentsService],
  exports: [CoursesService, DocumentsService],
})
export class DocumentsModule {}
