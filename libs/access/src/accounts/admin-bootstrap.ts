import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { UsersService } from './users.service';

/**
 * On start: when ADMIN_PASSWORD is set, the `admin` account exists with it (api.md "Authentication"), named
 * ADMIN_FULL_NAME (default "Quản trị hệ thống").
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ADMIN_PASSWORD) {
      this.logger.log('ADMIN_PASSWORD is not set: no bootstrap admin account (use `npm run setup` on a fresh install).');
      return;
    }
    const outcome = await this.users.ensureAdmin(this.config.ADMIN_PASSWORD, this.config.ADMIN_FULL_NAME);
    this.logger.log(`Bootstrap admin account: ${outcome}.`);
  }
}
