import { MeetingPlaceCode } from '@crm/domain';
import { Field, ObjectType } from '@nestjs/graphql';
import '../common/enums';

@ObjectType()
export class Municipality {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'County (län) name' }) county!: string | null;
  @Field() countyCode!: string;
}

@ObjectType()
export class MeetingPlace {
  @Field(() => MeetingPlaceCode) code!: MeetingPlaceCode;
  @Field() name!: string;
  @Field() city!: string;
  @Field() description!: string;
}
