import type { PersonalDataExportRecord } from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A register extract (registerutdrag, GDPR art. 15): everything held about one person, as JSON and as a ' +
    'Swedish PDF/A, downloadable by administrators until it expires',
})
export class PersonalDataExport {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The person the extract is about' }) actorId!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'Seven days after it was made; not served after' })
  expiresAt!: Date;
  @Field({ description: 'GET this path for the JSON (ADMIN only; never cached)' }) jsonUrl!: string;
  @Field({ description: 'GET this path for the PDF/A-2b (ADMIN only; never cached)' }) pdfUrl!: string;

  static from(record: PersonalDataExportRecord): PersonalDataExport {
    return Object.assign(new PersonalDataExport(), {
      id: record.id,
      actorId: record.actorId,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      jsonUrl: `/personal-data-exports/${record.id}.json`,
      pdfUrl: `/personal-data-exports/${record.id}.pdf`,
    });
  }
}
