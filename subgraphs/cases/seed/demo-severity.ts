import { DEMO_ORGANIZATIONS } from '../../../lib/demo/demo-tenants';
import { Cloud } from '../../../lib/domain/enums';
import { type SeverityColumns, severityColumns } from '../commands/opening-severity';
import { type Severity, SeveritySource } from '../domain/case-enums';
import type { DemoCase } from './demo-cases';
import { DEMO_SUPPORT, demoOwner } from './demo-targets';

// A demo case's severity as the API would have set it: the opening assessment by the real rule,
// then the support engineer's assessment when the demo case has one.

export interface DemoSeverity {
  columns: SeverityColumns;
  /** The severity assigned at opening, before any engineer's assessment. */
  atOpening: Severity;
}

export function demoSeverity(c: DemoCase): DemoSeverity {
  // A partner's own request (no organization, no elevated support) stands as asked.
  const owner = demoOwner(c);
  const organization = DEMO_ORGANIZATIONS.find((o) => o.id === c.organizationId);
  const support = DEMO_SUPPORT[c.organizationId];
  const { columns } = severityColumns({
    cloud: owner.cloud,
    category: c.category,
    requested: c.severity,
    impact: c.impact ?? null,
    elevated: Boolean(support?.elevated) && owner.cloud === Cloud.GLOBAL,
    advancedSupportAgreement: organization?.advancedSupportAgreement ?? false,
    hasBusinessImpact: Boolean(c.businessImpact),
  });
  if (!c.assessed) return { columns, atOpening: columns.severity };
  return {
    columns: {
      ...columns,
      severity: c.assessed.to,
      severitySource: SeveritySource.SUPPORT_ENGINEER,
      severityReason: c.assessed.reason,
    },
    atOpening: columns.severity,
  };
}
