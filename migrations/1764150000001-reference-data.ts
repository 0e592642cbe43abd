import { MigrationInterface, QueryRunner } from 'typeorm';
import { COUNTIES, MUNICIPALITIES } from './reference-data';

/** Sweden's counties and 290 municipalities, and the four strategic meeting places of DOMAIN.md. */
export class ReferenceData1764150000001 implements MigrationInterface {
  name = 'ReferenceData1764150000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO county (code, name) SELECT * FROM unnest($1::text[], $2::text[])`, [
      COUNTIES.map(([code]) => code),
      COUNTIES.map(([, name]) => name),
    ]);
    await q.query(
      `INSERT INTO municipality (code, name, county_code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [
        MUNICIPALITIES.map(([c]) => c),
        MUNICIPALITIES.map(([, n]) => n),
        MUNICIPALITIES.map(([, , cc]) => cc),
      ],
    );
    await q.query(`
      INSERT INTO meeting_place (code, name, city, description) VALUES
        ('GRAND_HOTEL', 'Västerbotten på Grand Hôtel', 'Stockholm',
         'Dialog och nätverkande i Stockholm om regionens strategiska frågor; två mötesveckor varje januari.'),
        ('MOTESPLATS_LYCKSELE', 'Mötesplats Lycksele', 'Lycksele',
         'Årlig mötesplats sedan 2013 för långsiktig samverkan mellan aktörer från hela länet.'),
        ('ALMEDALEN', 'Västerbotten i Almedalen', 'Visby',
         'Regionens perspektiv i den nationella politiken under Almedalsveckan.'),
        ('DIGITALA_VASTERBOTTEN', 'Digitala Västerbotten', 'Digitalt',
         'Digital och hybrid plattform för kunskapsspridning och dialog, med en årlig konferens och Guldmolnet.')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM meeting_place`);
    await q.query(`DELETE FROM municipality`);
    await q.query(`DELETE FROM county`);
  }
}
