import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3 document that documents every route', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    expect(body.openapi).toMatch(/^3\./);
    const validation = await new Validator().validate(body);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(body.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    });
    const operations = Object.entries(body.paths as Record<string, Record<string, { summary?: string; responses: object }>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(15);
    for (const { path, method, op } of operations) {
      expect({ path, method, summary: typeof op.summary }).toEqual({ path, method, summary: 'string' });
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
    }
    const login = body.paths['/v1/auth/login'].post;
    expect(login.responses['422'].content['application/problem+json']).toBeDefined();
    expect(body.components.schemas.ProblemDetailsDto.properties).toHaveProperty('errors');
  });
});
