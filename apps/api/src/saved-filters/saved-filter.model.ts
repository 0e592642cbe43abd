import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

/** The pages that keep saved filters. */
export enum SavedFilterPage {
  NEXT_INVITES = 'NEXT_INVITES',
}
registerEnumType(SavedFilterPage, {
  name: 'SavedFilterPage',
  description: 'A page whose filters a user can save',
});

export interface SavedFilterRow {
  id: string;
  page: SavedFilterPage;
  name: string;
  filter: string;
  created_at: Date;
}

@ObjectType({ description: 'A named filter a user saved for a page; only its owner sees it' })
export class SavedFilter {
  @Field(() => ID) id!: string;
  @Field(() => SavedFilterPage) page!: SavedFilterPage;
  @Field() name!: string;
  @Field({ description: 'The filter: a JSON object, as text' }) filter!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;

  static from(row: SavedFilterRow): SavedFilter {
    return Object.assign(new SavedFilter(), {
      id: row.id,
      page: row.page,
      name: row.name,
      filter: row.filter,
      createdAt: row.created_at,
    });
  }
}

@InputType()
export class SaveFilterInput {
  @Field(() => SavedFilterPage) page!: SavedFilterPage;
  @Field({
    description: '1–100 characters; saving under a name the user already has on the page replaces it',
  })
  name!: string;
  @Field({ description: 'A JSON object as text, at most 8 KB' }) filter!: string;
}
