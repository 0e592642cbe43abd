import { DuplicateCandidateRow } from '@crm/persistence';
import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/connection';

@ObjectType({ description: 'Two actors of the same kind that may be one, for staff to merge or dismiss' })
export class DuplicateCandidate {
  @Field(() => ID) id!: string;
  @Field(() => Float, { description: 'How likely the two are one, from 0 to 1' }) score!: number;
  @Field(() => [String], { description: 'Why, in Swedish, e.g. "Liknande namn (87 %)", "Samma kommun"' })
  reasons!: string[];
  actorA!: string;
  actorB!: string;

  static from(row: DuplicateCandidateRow): DuplicateCandidate {
    return Object.assign(new DuplicateCandidate(), {
      id: row.id,
      score: row.score,
      reasons: row.reasons,
      actorA: row.actorA,
      actorB: row.actorB,
    });
  }
}

export const DuplicateCandidateConnection = Connection(DuplicateCandidate, 'DuplicateCandidate');
