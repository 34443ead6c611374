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
    });
    expect(config.seedOnStart).toBe(false);
  });

  it('parses booleans and numbers from strings', () => {
    const config = loadConfig({ SEED_ON_START: 'false', PORT: '8080', DATABASE_URL: 'postgresql://localhost/x' });
    expect(config.seedOnStart).toBe(false);
    expect(config.PORT).toBe(8080);
  });
});
