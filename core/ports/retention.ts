import type { RetentionSettings } from '../contracts/retention-api.js';

/** An area's retention setting (the erasure itself is the purge's, outside the use cases). */
export interface RetentionRepo {
  settings(areaId: string): Promise<RetentionSettings>;
  setSettings(areaId: string, settings: RetentionSettings): Promise<void>;
}
