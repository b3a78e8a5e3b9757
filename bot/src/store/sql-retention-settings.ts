import type { RetentionRepo } from '#core/ports/retention.js';
import type { Queryable } from '../db/db.js';

export function sqlRetention(q: Queryable): RetentionRepo {
  return {
    async settings(areaId) {
      const found = await q.query<{ retention_months: number }>(
        'SELECT retention_months FROM area WHERE id = $1',
        [areaId],
      );
      return { retentionMonths: found.rows[0]!.retention_months };
    },
    async setSettings(areaId, settings) {
      await q.query('UPDATE area SET retention_months = $2, updated_at = now() WHERE id = $1', [
        areaId,
        settings.retentionMonths,
      ]);
    },
  };
}
