import { Module } from '@nestjs/common';

/** Retention rules (gallring) as data, their preview and their runs (issue 12, item 4). */
@Module({
  providers: [],
})
export class RetentionModule {}
