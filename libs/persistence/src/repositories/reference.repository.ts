import { EntityManager } from 'typeorm';
import { MeetingPlaceEntity, MunicipalityEntity } from '../entities';
import { hydrate } from '../sql';

export interface MunicipalityRow extends MunicipalityEntity {
  countyName: string;
}

export class ReferenceRepository {
  constructor(private readonly em: EntityManager) {}

  async municipalities(countyCode?: string | null): Promise<MunicipalityRow[]> {
    const rows: Record<string, string>[] = await this.em.query(
      `SELECT m.*, c.name AS county_name FROM municipality m JOIN county c ON c.code = m.county_code
       WHERE $1::text IS NULL OR m.county_code = $1 ORDER BY m.code`,
      [countyCode ?? null],
    );
    return hydrate(this.em, MunicipalityEntity, rows).map((m, i) =>
      Object.assign(m, { countyName: rows[i].county_name }),
    );
  }

  async municipalitiesByCodes(codes: readonly string[]): Promise<MunicipalityRow[]> {
    if (!codes.length) return [];
    const rows: Record<string, string>[] = await this.em.query(
      `SELECT m.*, c.name AS county_name FROM municipality m JOIN county c ON c.code = m.county_code
       WHERE m.code = ANY($1::text[])`,
      [codes],
    );
    return hydrate(this.em, MunicipalityEntity, rows).map((m, i) =>
      Object.assign(m, { countyName: rows[i].county_name }),
    );
  }

  async municipalityExists(code: string): Promise<boolean> {
    const rows = await this.em.query(`SELECT 1 FROM municipality WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  async meetingPlaces(): Promise<MeetingPlaceEntity[]> {
    return hydrate(
      this.em,
      MeetingPlaceEntity,
      await this.em.query(`SELECT * FROM meeting_place ORDER BY code`),
    );
  }
}
