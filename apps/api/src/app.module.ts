import { APP_CONFIG, AppConfig, PersistenceModule } from '@crm/persistence';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessLogModule } from './access-log/access-log.module';
import { accessLogPlugin } from './access-log/access-log.plugin';
import { AccessLogWriter } from './access-log/access-log.writer';
import { ActorExportController } from './actors/actor-export.controller';
import { ActorsResolver } from './actors/actors.resolver';
import { AnonymisationModule } from './anonymisation/anonymisation.module';
import { ConsentModule } from './consent/consent.module';
import { PersonalDataExportModule } from './personal-data-export/personal-data-export.module';
import { RestrictionModule } from './restriction/restriction.module';
import { seesRestricted } from './restriction/restriction-visibility';
import { RetentionModule } from './retention/retention.module';
import { PrivacyNoticeController } from './privacy/privacy-notice.controller';
import { ActorsService } from './actors/actors.service';
import { AttendanceModule } from './attendance/attendance.module';
import { AuthModule } from './auth/auth.module';
import { AuthenticatedRequest, GraphqlContext } from './auth/request-context';
import { GraphqlExceptionFilter } from './common/graphql-exception.filter';
import { Loaders } from './common/loaders';
import { DuplicatesModule } from './duplicates/duplicates.module';
import { EventsResolver } from './events/events.resolver';
import { EventsService } from './events/events.service';
import { HealthController } from './health/health.controller';
import { LadderModule } from './ladder/ladder.module';
import { LiveModule } from './live/live.module';
import { SavedFiltersModule } from './saved-filters/saved-filters.module';
import { InitiativesModule } from './initiatives/initiatives.module';
import { ParticipantExportController } from './participations/participant-export.controller';
import { ParticipationsResolver } from './participations/participations.resolver';
import { ParticipationsService } from './participations/participations.service';
import { ReferenceResolver } from './reference/reference.resolver';
import { ImportQueue } from './registrations/import-queue.service';
import { RegistrationImportController } from './registrations/registration-import.controller';
import { RegistrationsResolver } from './registrations/registrations.resolver';
import { RegistrationsService } from './registrations/registrations.service';
import { ReportDownloadController } from './reports/report-download.controller';
import { ReportQueue } from './reports/report-queue.service';
import { ReportsResolver } from './reports/reports.resolver';
import { ReportsService } from './reports/reports.service';
import { UsersResolver } from './users/users.resolver';
import { UsersService } from './users/users.service';
import { formatErrorFor } from './security/format-error';
import { graphqlLimits } from './security/graphql-limits';
import { inputGuardPlugin } from './security/input-guard';

@Module({
  imports: [
    PersistenceModule.forRoot('crm-api'),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AccessLogModule],
      inject: [APP_CONFIG, getDataSourceToken(), AccessLogWriter],
      useFactory: (
        config: AppConfig,
        dataSource: DataSource,
        accessLog: AccessLogWriter,
      ): ApolloDriverConfig => {
        // Query limits (depth, aliases, directives, tokens, cost): refused with 400 and
        // GRAPHQL_VALIDATION_FAILED before any resolver runs. See apps/api/src/security.
        const limits = graphqlLimits(config);
        const development = config.GRAPHQL_INTROSPECTION;
        return {
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          // Guards also run on field resolvers, so a field can need more than its parent (Event.participants).
          fieldResolverEnhancers: ['guards', 'filters'],
          validationRules: limits.validationRules,
          parseOptions: limits.parseOptions,
          // Production defaults never depend on NODE_ENV: introspection, the landing page (Apollo
          // Sandbox) and field suggestions only with GRAPHQL_INTROSPECTION=true; never a stack trace.
          introspection: development,
          playground: false,
          hideSchemaDetailsFromClientErrors: !development,
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: false,
          csrfPrevention: true,
          formatError: formatErrorFor({ suggestions: development }),
          plugins: [
            ...limits.plugins,
            inputGuardPlugin(),
            // Who read whose personal data: gathered per request, written in batches (access-log/).
            accessLogPlugin(accessLog),
            ...(development
              ? [ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })]
              : []),
          ],
          context: ({ req }: { req: AuthenticatedRequest }): GraphqlContext => ({
            req,
            loaders: new Loaders(dataSource, () => seesRestricted(req.user)),
          }),
        };
      },
    }),
    TerminusModule,
    AuthModule,
    InitiativesModule,
    LadderModule,
    AttendanceModule,
    DuplicatesModule,
    SavedFiltersModule,
    AccessLogModule,
    ConsentModule,
    PersonalDataExportModule,
    RestrictionModule,
    AnonymisationModule,
    RetentionModule,
    // Subscriptions over WebSocket: a graphql-ws server of its own on /graphql (see live-socket.service.ts).
    LiveModule,
  ],
  controllers: [
    HealthController,
    RegistrationImportController,
    ReportDownloadController,
    ParticipantExportController,
    ActorExportController,
    PrivacyNoticeController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
    ActorsResolver,
    ActorsService,
    EventsResolver,
    EventsService,
    ParticipationsResolver,
    ParticipationsService,
    ReferenceResolver,
    RegistrationsResolver,
    RegistrationsService,
    ImportQueue,
    ReportsResolver,
    ReportsService,
    ReportQueue,
    UsersResolver,
    UsersService,
  ],
})
export class AppModule {}
