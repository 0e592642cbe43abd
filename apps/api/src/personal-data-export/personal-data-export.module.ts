import { Module } from '@nestjs/common';

/** Register extracts (GDPR art. 15): JSON and a Swedish PDF of everything held about a person (issue 12, item 1). */
@Module({
  providers: [],
})
export class PersonalDataExportModule {}
