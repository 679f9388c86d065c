import type { Centre } from '../../shared/domain/entities';

/** A `centres` row as both databases return it: SQLite keeps the names as JSON text, PostgreSQL as jsonb. */
export interface CentreRecord {
  id: string;
  names: string | Centre['name'];
  created_at: string;
  updated_at: string;
}

export const CENTRE_COLUMNS = 'id, names, created_at, updated_at';

export function toCentre(r: CentreRecord): Centre {
  const name = typeof r.names === 'string' ? (JSON.parse(r.names) as Centre['name']) : r.names;
  return { id: r.id, name, createdAt: r.created_at, updatedAt: r.updated_at };
}
