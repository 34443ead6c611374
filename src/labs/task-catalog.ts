import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception.js';
import { loadTasks, type TaskDefinition } from './core/index.js';

/** The shipped lab tasks (seeds/labs), validated once at start. */
@Injectable()
export class TaskCatalog {
  private tasks: Map<string, TaskDefinition> | null = null;

  all(): TaskDefinition[] {
    return [...this.load().values()];
  }

  get(id: string): TaskDefinition {
    const task = this.load().get(id);
    if (!task) throw AppException.notFound('Lab task', id);
    return task;
  }

  has(id: string): boolean {
    return this.load().has(id);
  }

  private load(): Map<string, TaskDefinition> {
    this.tasks ??= new Map(loadTasks().map((task) => [task.id, task]));
    return this.tasks;
  }
}
