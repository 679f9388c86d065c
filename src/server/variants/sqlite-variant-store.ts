import type Database from 'better-sqlite3';
import type { LessonVariant } from '../../shared/training/lesson-variants';
import type { SerialQueue } from '../store/serial';
import { byNewest, toPromotion, type CentreVariant, type PromotionRecord, type VariantPromotion, type VariantStore } from './variant-store';

function prepare(db: Database.Database) {
  return {
    variants: db.prepare(
      "SELECT centre_id, data FROM rows WHERE tbl = 'lessonVariants' AND json_extract(data, '$.packId') = ?",
    ),
    promotions: db.prepare('SELECT * FROM variant_promotions WHERE pack_id = ?'),
    record: db.prepare(
      `INSERT INTO variant_promotions (centre_id, variant_id, saved_by, pack_id, version, promoted_at, promoted_by)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
  };
}

/** Lesson variants on the SQLite store's one connection, through its queue. */
export class SqliteVariantStore implements VariantStore {
  private statements: ReturnType<typeof prepare> | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly queue: SerialQueue,
  ) {}

  /** Prepared on first use, after migrations made the tables. */
  private get sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }

  variantsOfPack(packId: string): Promise<CentreVariant[]> {
    return this.queue.run(() =>
      (this.sql.variants.all(packId) as { centre_id: string; data: string }[])
        .map((r) => ({ centreId: r.centre_id, variant: JSON.parse(r.data) as LessonVariant }))
        .sort(byNewest),
    );
  }

  promotionsOfPack(packId: string): Promise<VariantPromotion[]> {
    return this.queue.run(() => (this.sql.promotions.all(packId) as PromotionRecord[]).map(toPromotion));
  }

  recordPromotion(p: VariantPromotion): Promise<void> {
    return this.queue.run(() => {
      this.sql.record.run(p.centreId, p.variantId, p.savedBy, p.packId, p.version, p.promotedAt, p.promotedBy);
    });
  }
}
