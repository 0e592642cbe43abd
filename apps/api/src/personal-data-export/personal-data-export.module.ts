import { Module } from '@nestjs/common';
import { PersonalDataExportController } from './personal-data-export.controller';
import { PersonalDataExportResolver } from './personal-data-export.resolver';
import { PersonalDataExportService } from './personal-data-export.service';

/** Register extracts (GDPR art. 15): JSON and a Swedish PDF of everything held about a person (issue 12, item 1). */
@Module({
  controllers: [PersonalDataExportController],
  providers: [PersonalDataExportResolver, PersonalDataExportService],
})
export class PersonalDataExportModule {}
