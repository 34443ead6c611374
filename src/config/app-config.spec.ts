import { ConfigValidationError, generatedSecretsOf, loadConfig, PUBLISHED_SECRET_VALUES } from './app-config.js';

describe('loadConfig', () => {
  it('applies defaults when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.usesEmbeddedDatabase).toBe(true);
    expect(config.seedOnStart).toBe(true);
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('names every bad variable at once', () => {
    expect.assertions(3);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      const problems = (error as ConfigValidationError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL:/m);
      expect(problems).toMatch(/^LOG_LEVEL:/m);
    }
  });

  it('requires the secrets to be set in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set.*\n.*SECRETS_ENCRYPTION_KEY/);
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-real-secret-value',
      SECRETS_ENCRYPTION_KEY: 'another-real-secret-value',
      DATABASE_URL: 'postgres://u@db:5432/kq',
      PUBLIC_BASE_URL: 'https://quiz.example.com',
    });
    expect(config.seedOnStart).toBe(false);
  });

  it('generates a random secret per load outside production, never a published one', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      const first = loadConfig({ NODE_ENV });
      const second = loadConfig({ NODE_ENV });
      expect(generatedSecretsOf(first)).toEqual(['JWT_SECRET', 'SECRETS_ENCRYPTION_KEY']);
      for (const key of ['JWT_SECRET', 'SECRETS_ENCRYPTION_KEY'] as const) {
        expect(first[key]).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(first[key]).not.toBe(second[key]);
        expect(PUBLISHED_SECRET_VALUES).not.toContain(first[key]);
      }
    }
  });

  it('keeps secrets that are given and does not mark them generated', () => {
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'a-real-secret-value' });
    expect(config.JWT_SECRET).toBe('a-real-secret-value');
    expect(generatedSecretsOf(config)).toEqual(['SECRETS_ENCRYPTION_KEY']);
  });

  it('refuses every secret published in the source, in every environment', () => {
    expect(PUBLISHED_SECRET_VALUES).toContain('change-me-jwt-secret');
    for (const NODE_ENV of [undefined, 'development', 'test', 'production']) {
      for (const published of [...PUBLISHED_SECRET_VALUES, 'Change-Me-Please', ' replace-this ']) {
        expect(() => loadConfig({ NODE_ENV, JWT_SECRET: published, SECRETS_ENCRYPTION_KEY: published })).toThrow(
          /JWT_SECRET: is a placeholder.*\n.*SECRETS_ENCRYPTION_KEY: is a placeholder/,
        );
      }
    }
  });

  it('still names a too-short secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/^ *- JWT_SECRET: .*longer than or equal to 8/m);
  });

  it('trusts no proxy unless told, and reads TRUST_PROXY as Fastify takes it', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.1,loopback,2001:db8::/32' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.0.2.1',
      'loopback',
      '2001:db8::/32',
    ]);
    for (const bad of ['2', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY: must be true, false or a comma-separated list/);
    }
  });

  it('budgets public routes per address, a few hundred a minute unless set', () => {
    expect(loadConfig({}).PUBLIC_RATE_LIMIT_PER_MINUTE).toBe(300);
    expect(loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '50' }).PUBLIC_RATE_LIMIT_PER_MINUTE).toBe(50);
    expect(() => loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/PUBLIC_RATE_LIMIT_PER_MINUTE/);
  });

  describe('PUBLIC_BASE_URL', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-real-secret-value',
      SECRETS_ENCRYPTION_KEY: 'another-real-secret-value',
      DATABASE_URL: 'postgres://u@db:5432/kq',
    };
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigValidationError).problems;
      }
    };

    it('is required in production, because credentials and QR codes carry it', () => {
      expect(problemsOf(production)).toEqual([
        'PUBLIC_BASE_URL: must be set when NODE_ENV=production, to the https:// address people reach kubequiz at (credentials and QR codes carry it), e.g. https://quiz.example.com',
      ]);
    });

    it('must be https in production', () => {
      expect(problemsOf({ ...production, PUBLIC_BASE_URL: 'http://quiz.example.com' })).toEqual([
        'PUBLIC_BASE_URL: must use https:// when NODE_ENV=production (credentials and QR codes carry it), e.g. https://quiz.example.com',
      ]);
      expect(problemsOf({ ...production, PUBLIC_BASE_URL: 'HTTPS://quiz.example.com/' })).toEqual([]);
      expect(loadConfig({ ...production, PUBLIC_BASE_URL: 'https://quiz.example.com/' }).publicBaseUrl).toBe('https://quiz.example.com');
    });

    it('may be omitted or plain http outside production, but must be a URL', () => {
      expect(loadConfig({ NODE_ENV: 'development', PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
      expect(loadConfig({ PUBLIC_BASE_URL: 'http://kq.internal:3000' }).publicBaseUrl).toBe('http://kq.internal:3000');
      expect(problemsOf({ PUBLIC_BASE_URL: 'quiz.example.com' })).toEqual([
        'PUBLIC_BASE_URL: must be an absolute http:// or https:// URL, e.g. https://quiz.example.com',
      ]);
      expect(problemsOf({ PUBLIC_BASE_URL: 'ftp://quiz.example.com' })).toHaveLength(1);
    });
  });

  it('parses booleans and numbers from strings', () => {
    const config = loadConfig({ SEED_ON_START: 'false', PORT: '8080', DATABASE_URL: 'postgresql://localhost/x' });
    expect(config.seedOnStart).toBe(false);
    expect(config.PORT).toBe(8080);
  });
});
