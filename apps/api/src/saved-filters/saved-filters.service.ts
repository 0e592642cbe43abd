import { DomainValidationError } from '@crm/domain';
import { AuditRepository, rowsOf, UserEntity } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseId } from '../common/ids';
import { SavedFilterPage, SavedFilterRow, SaveFilterInput } from './saved-filter.model';

/** Filters above this many bytes (as UTF-8 text) are refused; the table also refuses a large jsonb. */
export const MAX_FILTER_BYTES = 8192;
const COLUMNS = `id, page, name, filter::text AS filter, created_at`;

/** Checks a filter is a JSON object within the size limit; answers it normalised by JSON. */
function parseFilter(text: string): string {
  if (Buffer.byteLength(text, 'utf8') > MAX_FILTER_BYTES)
    throw new DomainValidationError('filter', `is larger than ${MAX_FILTER_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainValidationError('filter', 'is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new DomainValidationError('filter', 'must be a JSON object');
  return JSON.stringify(value);
}

@Injectable()
export class SavedFiltersService {
  constructor(private readonly dataSource: DataSource) {}

  /** The user's own filters for the page, by name. */
  list(user: UserEntity, page: SavedFilterPage): Promise<SavedFilterRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM saved_filter WHERE user_id = $1 AND page = $2 ORDER BY name, id`,
      [user.id, page],
    );
  }

  /** Creates the filter, or replaces the filter the user saved under the same page and name. */
  async save(user: UserEntity, input: SaveFilterInput): Promise<SavedFilterRow> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100)
      throw new DomainValidationError('name', 'must be 1–100 characters');
    const filter = parseFilter(input.filter);
    try {
      return await this.dataSource.transaction(async (em) => {
        const [row] = (await em.query(
          `INSERT INTO saved_filter (user_id, page, name, filter) VALUES ($1, $2, $3, $4::jsonb)
           ON CONFLICT (user_id, page, name) DO UPDATE SET filter = EXCLUDED.filter
           RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
          [user.id, input.page, name, filter],
        )) as (SavedFilterRow & { inserted: boolean })[];
        await new AuditRepository(em).record(
          user.id,
          row.inserted ? 'create' : 'update',
          'saved_filter',
          row.id,
          row.inserted ? ['page', 'name', 'filter'] : ['filter'],
        );
        const { inserted: _inserted, ...saved } = row;
        return saved;
      });
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'saved_filter_filter_check')
        throw new DomainValidationError('filter', `is larger than ${MAX_FILTER_BYTES} bytes`);
      throw error;
    }
  }

  /** Deletes one of the user's own filters; another user's answers as an unknown id. */
  async delete(user: UserEntity, id: string): Promise<boolean> {
    const filterId = parseId('id', id);
    return this.dataSource.transaction(async (em) => {
      const deleted = rowsOf(
        await em.query(`DELETE FROM saved_filter WHERE id = $1 AND user_id = $2 RETURNING id`, [
          filterId,
          user.id,
        ]),
      );
      if (deleted.length === 0) throw new DomainValidationError('id', 'no such saved filter');
      await new AuditRepository(em).record(user.id, 'delete', 'saved_filter', filterId);
      return true;
    });
  }
}
