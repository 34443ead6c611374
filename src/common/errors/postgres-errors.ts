/** True for PostgreSQL's unique_violation (23505), e.g. a slug or name already taken. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
