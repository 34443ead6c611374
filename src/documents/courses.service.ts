import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { decodeCursor, toPage, type Page, type PageQueryDto } from '../common/pagination/page.js';
import { assertCanAuthor, scopeToReadableCourses } from './course-access.js';
import { toCourseDto, type CourseDto, type CreateCourseDto } from './dto/course.dto.js';
import { CourseEntity } from './entities/course.entity.js';

@Injectable()
export class CoursesService {
  constructor(@InjectRepository(CourseEntity) private readonly courses: Repository<CourseEntity>) {}

  async create(auth: AuthContext, dto: CreateCourseDto): Promise<CourseDto> {
    const organizationId = dto.platform ? null : auth.organizationId;
    if (dto.platform && !auth.isPlatformAdmin) throw new AppException('forbidden', 'Only platform administrators create platform courses');
    if (!dto.platform && !organizationId) throw new AppException('forbidden', 'Sign in to an organization to create courses');
    assertCanAuthor(auth, organizationId);
    try {
      const saved = await this.courses.save(
        this.courses.create({
          organizationId,
          slug: dto.slug,
          title: { ...dto.title },
          description: { ...(dto.description ?? {}) },
          createdById: auth.userId,
        }),
      );
      return toCourseDto(saved);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppException('already-exists', `A course with slug "${dto.slug}" already exists`);
      }
      throw error;
    }
  }

  async list(auth: AuthContext, query: PageQueryDto): Promise<Page<CourseDto>> {
    const position = decodeCursor(query.cursor, 'text');
    const qb = scopeToReadableCourses(this.courses.createQueryBuilder('c'), 'c', auth)
      .orderBy('c.slug', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (position) qb.andWhere('(c.slug, c.id) > (:sort, :id)', position);
    const rows = await qb.take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (c) => ({ sort: c.slug, id: c.id }), toCourseDto);
  }

  async get(auth: AuthContext, id: string): Promise<CourseDto> {
    return toCourseDto(await this.findReadable(auth, id));
  }

  /** The course if the caller may read it (own organisation or platform), else 404. */
  async findReadable(auth: AuthContext, id: string): Promise<CourseEntity> {
    const course = await scopeToReadableCourses(this.courses.createQueryBuilder('c'), 'c', auth)
      .andWhere('c.id = :id', { id })
      .getOne();
    if (!course) throw AppException.notFound('Course', id);
    return course;
  }

  findBySlug(organizationId: string | null, slug: string): Promise<CourseEntity | null> {
    return this.courses.findOneBy({ organizationId: organizationId ?? undefined, slug });
  }
}
