import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

@Injectable()
export class PasswordHasher {
  // A real hash of a random string, verified when the user does not exist so that a
  // login for an unknown email costs as much time as one for a known email.
  private readonly decoy = hash('decoy-password-never-matches');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.decoy), password).then((ok) => ok && passwordHash !== null);
    } catch {
      return false;
    }
  }
}
