import type Database from 'better-sqlite3';

/** Rows per statement: a batch of 500 rows takes 8 statements instead of 500. */
const ROWS_PER_STATEMENT = 64;

/**
 * An INSERT of many rows per statement (`VALUES (…), (…), …`): each
 * statement run costs a native call and a VDBE start, which dominated
 * writing a pushed batch row by row. Statements are prepared once per size.
 */
export class ChunkedInsert {
  private readonly bySize = new Map<number, Database.Statement>();

  /**
   * `head` is the statement up to VALUES (exclusive), `tail` what follows
   * the values (e.g. an ON CONFLICT clause), `columns` the values per row.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly head: string,
    private readonly columns: number,
    private readonly tail = '',
  ) {}

  /** Inserts rows given as one flat list of values, `columns` per row. */
  run(values: readonly unknown[]): void {
    const rows = values.length / this.columns;
    if (!Number.isInteger(rows)) throw new Error(`expected a multiple of ${this.columns} values, got ${values.length}`);
    for (let from = 0; from < rows; from += ROWS_PER_STATEMENT) {
      const count = Math.min(ROWS_PER_STATEMENT, rows - from);
      this.statement(count).run(values.slice(from * this.columns, (from + count) * this.columns));
    }
  }

  private statement(rows: number): Database.Statement {
    let statement = this.bySize.get(rows);
    if (!statement) {
      const row = `(${Array.from({ length: this.columns }, () => '?').join(', ')})`;
      statement = this.db.prepare(`${this.head} VALUES ${Array.from({ length: rows }, () => row).join(', ')} ${this.tail}`);
      this.bySize.set(rows, statement);
    }
    return statement;
  }
}
