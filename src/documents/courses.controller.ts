import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { CoursesService } from './courses.service.js';
import { CourseDto, CoursePageDto, CreateCourseDto } from './dto/course.dto.js';

@ApiTags('courses')
@Controller('v1/courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Post()
  @Authenticated({ roles: ['owner', 'author'], platformAdmin: true })
  @ApiOperation({ summary: 'Create a course (platform courses: platform admins)' })
  @ApiCreatedResponse({ type: CourseDto })
  @ApiProblems(403, 409, 422)
  create(@Auth() auth: AuthContext, @Body() dto: CreateCourseDto): Promise<CourseDto> {
    return this.courses.create(auth, dto);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "List the organization's courses and the platform courses" })
  @ApiOkResponse({ type: CoursePageDto })
  @ApiProblems(422)
  list(@Auth() auth: AuthContext, @Query() query: PageQueryDto) {
    return this.courses.list(auth, query);
  }

  @Get(':courseId')
  @Authenticated()
  @ApiOperation({ summary: 'Get a course' })
  @ApiOkResponse({ type: CourseDto })
  @ApiProblems(404)
  get(@Auth() auth: AuthContext, @Param('courseId', UuidParamPipe) id: string): Promise<CourseDto> {
    return this.courses.get(auth, id);
  }
}
