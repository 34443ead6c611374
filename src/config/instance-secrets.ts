import type { DataSource } from 'typeorm';
import { generatedSecretsOf, type AppConfig } from './app-config.js';

/**
 * Makes the secrets `loadConfig` generated durable: the first process to start on a database
 * stores its values, every later one (a restart, another replica) adopts the stored ones, so
 * issued tokens and sealed keys stay valid. Tests get the same rule, so each suite database
 * has its own random secrets and a restarted process keeps them. Production never gets here:
 * there the secrets must be given.
 *
 * The values sit in the same database as the data they protect; that is the price of a
 * zero-setup start, and the reason production refuses to run without real secrets.
 */
export async function adoptStoredSecrets(config: AppConfig, dataSource: DataSource): Promise<AppConfig> {
  for (const name of generatedSecretsOf(config)) {
    // On conflict the no-op update makes RETURNING yield the value stored first.
    const [row]: Array<{ value: string }> = await dataSource.query(
      `INSERT INTO instance_secrets (name, value) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
       RETURNING value`,
      [name, config[name]],
    );
    config[name] = row!.value;
  }
  return config;
}
