import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('county')
export class CountyEntity {
  @PrimaryColumn({ type: 'char', length: 2 }) code!: string;
  @Column('text') name!: string;
}

@Entity('municipality')
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'char', length: 4 }) code!: string;
  @Column('text') name!: string;
  @Column({ name: 'county_code', type: 'char', length: 2 }) countyCode!: string;
}

@Entity('meeting_place')
export class MeetingPlaceEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text') city!: string;
  @Column('text') description!: string;
}
