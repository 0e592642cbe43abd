import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent, where a person's legal basis is CONSENT: when it was given, which version of the consent
 * text the person agreed to, and where (a registration form, at the door, by e-mail, …), and when it
 * was withdrawn. A person has at most one open (not withdrawn) consent at a time; the history stays.
 */
export class Consent1764600000000 implements MigrationInterface {
  name = 'Consent1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
        given_on date NOT NULL,
        text_version text NOT NULL
          CONSTRAINT consent_text_version_check CHECK (length(btrim(text_version)) BETWEEN 1 AND 100),
        source text NOT NULL
          CONSTRAINT consent_source_check
          CHECK (source IN ('REGISTRATION_FORM', 'AT_THE_DOOR', 'EMAIL', 'PAPER_FORM', 'OTHER')),
        withdrawn_on date,
        recorded_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT consent_withdrawn_after_given_check CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
      )
    `);
    await q.query(`CREATE INDEX consent_actor_idx ON consent (actor_id, given_on DESC, created_at DESC)`);
    await q.query(
      `CREATE UNIQUE INDEX consent_one_open_idx ON consent (actor_id) WHERE withdrawn_on IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consent`);
  }
}
