import { MeetingPlaceCode, Permission } from '@crm/domain';
import { MunicipalityRow, ReferenceRepository } from '@crm/persistence';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Requires } from '../auth/decorators';
import { MeetingPlace, Municipality } from './reference.models';

export function toMunicipality(m: MunicipalityRow): Municipality {
  return { code: m.code, name: m.name, county: m.countyName, countyCode: m.countyCode };
}

@Resolver()
@Requires(Permission.READ_REFERENCE)
export class ReferenceResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [MeetingPlace])
  async meetingPlaces(): Promise<MeetingPlace[]> {
    const rows = await new ReferenceRepository(this.dataSource.manager).meetingPlaces();
    return rows.map((m) => ({ ...m, code: m.code as MeetingPlaceCode }));
  }

  @Query(() => [Municipality], {
    description: "Sweden's 290 municipalities, or one county's (countyCode '24': Västerbotten)",
  })
  async municipalities(
    @Args('countyCode', { type: () => String, nullable: true }) countyCode: string | null,
  ): Promise<Municipality[]> {
    const rows = await new ReferenceRepository(this.dataSource.manager).municipalities(countyCode);
    return rows.map(toMunicipality);
  }
}
