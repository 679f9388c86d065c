import type pg from 'pg';
import type { LessonVariant } from '../../shared/training/lesson-variants';
import { byNewest, toPromotion, type CentreVariant, type PromotionRecord, type VariantPromotion, type VariantStore } from './variant-store';

/** Lesson variants on the PostgreSQL pool. */
export class PostgresVariantStore implements VariantStore {
  constructor(private readonly pool: pg.Pool) {}

  async variantsOfPack(packId: string): Promise<CentreVariant[]> {
    const { rows } = await this.pool.query<{ centre_id: string; data: LessonVariant }>(
      "SELECT centre_id, data FROM rows WHERE tbl = 'lessonVariants' AND data->>'packId' = $1",
      [packId],
    );
    return rows.map((r) => ({ centreId: r.centre_id, variant: r.data })).sort(byNewest);
  }

  async promotionsOfPack(packId: string): Promise<VariantPromotion[]> {
    const { rows } = await this.pool.query<PromotionRecord>('SELECT * FROM variant_promotions WHERE pack_id = $1', [packId]);
    return rows.map(toPromotion);
  }

  async recordPromotion(p: VariantPromotion): Promise<void> {
    await this.pool.query(
      `INSERT INTO variant_promotions (centre_id, variant_id, saved_by, pack_id, version, promoted_at, promoted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [p.centreId, p.variantId, p.savedBy, p.packId, p.version, p.promotedAt, p.promotedBy],
    );
  }
}
