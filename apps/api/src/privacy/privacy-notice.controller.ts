import { APP_CONFIG, type AppConfig } from '@crm/persistence';
import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../auth/decorators';

/** The privacy notice's texts, in Swedish, as the web app's /integritet page shows them. */
export interface PrivacyNotice {
  controller: string;
  purpose: string;
  legalBasis: string;
  retention: string;
  rights: string;
  contactEmail: string;
}

/** The privacy notice from configuration (PRIVACY_*): public, anyone may read how data is handled. */
@Controller('privacy-notice')
export class PrivacyNoticeController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  notice(): PrivacyNotice {
    return {
      controller: this.config.PRIVACY_CONTROLLER,
      purpose: this.config.PRIVACY_PURPOSE,
      legalBasis: this.config.PRIVACY_LEGAL_BASIS,
      retention: this.config.PRIVACY_RETENTION,
      rights: this.config.PRIVACY_RIGHTS,
      contactEmail: this.config.PRIVACY_CONTACT_EMAIL,
    };
  }
}
