import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Requires } from '../auth/decorators';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { QuarterlyReport } from './report.models';
import { ReportsService } from './reports.service';

@Resolver(() => QuarterlyReport)
export class ReportsResolver {
  constructor(private readonly service: ReportsService) {}

  @Query(() => [QuarterlyReport], { description: 'Every version of every quarter of the year, oldest first' })
  @Requires(Permission.READ_AGGREGATES)
  async quarterlyReports(
    @Args('year', { type: () => Int }) year: number,
    @CurrentUser() user: UserEntity,
  ): Promise<QuarterlyReport[]> {
    const reports = await this.service.list(year);
    return reports.map((r) => QuarterlyReport.from(r, this.service.view(user, r, reports)));
  }

  @Query(() => QuarterlyReport, {
    nullable: true,
    description: 'A version of a quarter’s report; the newest by default',
  })
  @Requires(Permission.READ_AGGREGATES)
  async quarterlyReport(
    @Args('year', { type: () => Int }) year: number,
    @Args('quarter', { type: () => Int }) quarter: number,
    @Args('version', { type: () => Int, nullable: true }) version: number | null | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<QuarterlyReport | null> {
    const report = await this.service.find(year, quarter, version);
    return report ? QuarterlyReport.from(report, await this.service.viewOf(user, report)) : null;
  }

  @Mutation(() => QuarterlyReport, {
    description:
      'Makes a new version of a quarter’s report (PENDING at first); the earlier versions are kept',
  })
  @Requires(Permission.GENERATE_REPORTS)
  @RateLimit('reportOrders')
  async generateQuarterlyReport(
    @Args('year', { type: () => Int }) year: number,
    @Args('quarter', { type: () => Int }) quarter: number,
    @CurrentUser() user: UserEntity,
  ): Promise<QuarterlyReport> {
    const report = await this.service.generate(year, quarter, user);
    return QuarterlyReport.from(report, await this.service.viewOf(user, report));
  }
}
