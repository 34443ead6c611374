import { ConfigValidationError, loadConfig } from './app-config.js';

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

  it('refuses placeholder secrets in production only', () => {
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
