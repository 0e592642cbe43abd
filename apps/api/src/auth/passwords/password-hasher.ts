import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/** Algorithm.Argon2id (an ambient const enum, which isolatedModules cannot read). */
const ARGON2ID = 2 as Algorithm;
/** OWASP's first argon2id configuration: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2id password hashes (PHC strings, salt included). `verify` with a null hash still spends a
 * verification, against a hash of a random password made with the same parameters, so an unknown
 * email or a user without a password takes as long to refuse as a wrong password.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummy: Promise<string> | null = null;

  /** Made before the first sign-in, so the first unknown email is not slower than the rest. */
  onModuleInit(): void {
    void this.dummyHash();
  }

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  /** Whether `password` matches `passwordHash`; false, after the same work, when there is no hash. */
  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (passwordHash === null) {
      await verify(await this.dummyHash(), password).catch(() => false);
      return false;
    }
    try {
      return await verify(passwordHash, password);
    } catch {
      return false; // not a hash this library reads: no password matches it
    }
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= this.hash(randomBytes(32).toString('base64url'));
    return this.dummy;
  }
}
