import { inject } from 'vitest';
import type { Dialect } from '../../lib/orm/create-orm';

export { TEST_PG_URL } from './database-probe';

/** The databases this run covers, as probed once by the global setup. */
export function testDialects(): Dialect[] {
  return inject('dialects');
}
