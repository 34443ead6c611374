/** The parts of the app's OpenAPI document the matrix reads. */
interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: { enum?: unknown[]; example?: unknown; default?: unknown };
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, unknown> };
  security?: Array<Record<string, string[]>>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface Operation {
  /** `METHOD /path/{param}` as the document spells it. */
  key: string;
  method: string;
  path: string;
  pathParameters: string[];
  /** Required query parameters, with a value from their enum or example. */
  query: Record<string, string>;
  queryNames: string[];
  /** Content types the operation accepts, when it documents a body. */
  bodyTypes: string[];
  /** No security requirement: the route is `@Public()`. */
  isPublic: boolean;
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** Every operation of the document, with what a caller must send besides credentials. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => {
        const parameters = op.parameters ?? [];
        const query = Object.fromEntries(
          parameters
            .filter((p) => p.in === 'query' && p.required)
            .map((p) => [p.name, String(p.schema?.enum?.[0] ?? p.schema?.example ?? p.example ?? p.schema?.default ?? '')]),
        );
        return {
          key: `${method.toUpperCase()} ${path}`,
          method,
          path,
          pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query,
          queryNames: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          bodyTypes: Object.keys(op.requestBody?.content ?? {}),
          isPublic: !op.security || op.security.length === 0,
        };
      }),
  );
}

/**
 * The concrete URLs of an operation: one per combination of the ids offered for its path
 * parameters. Parameters with no ids are returned as missing instead.
 */
export function fill(operation: Operation, ids: Record<string, string[]>): { urls: string[]; missing: string[] } {
  const missing = operation.pathParameters.filter((name) => !ids[name]?.length);
  if (missing.length) return { urls: [], missing };
  let urls = [operation.path];
  for (const name of operation.pathParameters) {
    urls = urls.flatMap((url) => ids[name]!.map((id) => url.replace(`{${name}}`, encodeURIComponent(id))));
  }
  // A required query parameter named like a path parameter (courseId, …) gets the same kind of id.
  const query = new URLSearchParams(Object.fromEntries(Object.entries(operation.query).map(([name, value]) => [name, ids[name]?.[0] ?? value]))).toString();
  return { urls: query ? urls.map((url) => `${url}?${query}`) : urls, missing: [] };
}
