import { Module } from '@nestjs/common';
import { UsersModule } from '../auth/users/users.module.js';
import { DemoSeeder } from './demo-seeder.js';

@Module({ imports: [UsersModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SeedingModule {}
