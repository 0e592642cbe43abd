import { type AppConfig, UserRepository } from '@crm/persistence';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@crm/persistence';
import { hashToken } from './token';

/** Creates the first ADMIN from ADMIN_TOKEN while the installation has no user at all. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const token = this.config.ADMIN_TOKEN;
    if (!token) {
      const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM app_user`);
      if (count === 0) this.logger.warn('No user exists and ADMIN_TOKEN is not set: nobody can sign in yet.');
      return;
    }
    const created = await this.dataSource.transaction((em) =>
      new UserRepository(em).bootstrapAdmin({
        name: 'Administratör',
        email: this.config.ADMIN_EMAIL,
        tokenHash: hashToken(token),
      }),
    );
    if (created) this.logger.log('Created the first ADMIN user from ADMIN_TOKEN.');
  }
}
