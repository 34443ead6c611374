/**
 * The largest value a PostgreSQL `integer` column holds. A client number above it passes
 * `@IsInt()` (1e308 is an integer to JavaScript) and would fail in the database instead,
 * so every integer field that reaches a query is capped here.
 */
export const MAX_INT32 = 2_147_483_647;
