import { registerEnumType } from 'type-graphql';
import {
  CaseCategory,
  CaseEventKind,
  CaseStatus,
  ClockState,
  CloseReason,
  ContactMethod,
  IssueClassification,
  PartnerRequestArea,
  ServiceHealthStatus,
  ServiceState,
  Severity,
  SeveritySource,
  SupportCalendar,
  TargetBasis,
  UsersAffected,
} from './domain/case-enums';

// Registered once per process, like lib/graphql/enums.ts; every cases module that exposes these
// enums imports them from here so the registration cannot be forgotten.
registerEnumType(CaseCategory, { name: 'CaseCategory' });
registerEnumType(PartnerRequestArea, {
  name: 'PartnerRequestArea',
  description: "What a partner's own Partner Center request is about.",
});
registerEnumType(Severity, {
  name: 'Severity',
  description: 'A critical, B high, C non-critical: set from issue type and business impact.',
});
registerEnumType(CaseStatus, { name: 'CaseStatus' });
registerEnumType(ContactMethod, { name: 'ContactMethod' });
registerEnumType(ClockState, {
  name: 'ClockState',
  description: 'Where the initial response target of a case stands.',
});
registerEnumType(SupportCalendar, {
  name: 'SupportCalendar',
  description: 'Which hours count toward a response target, and in which time zone.',
});
registerEnumType(CaseEventKind, { name: 'CaseEventKind' });
registerEnumType(UsersAffected, {
  name: 'UsersAffected',
  description: 'How many people the problem reaches, as the severity table asks.',
});
registerEnumType(ServiceState, {
  name: 'ServiceState',
  description:
    'What the problem does to the service: unusable, usable but impaired, barely affected.',
});
registerEnumType(SeveritySource, {
  name: 'SeveritySource',
  description: 'Who or what gave a case its current severity.',
});
registerEnumType(CloseReason, {
  name: 'CloseReason',
  description: 'Why support closed a case without solving it.',
  valuesConfig: {
    OUT_OF_SCOPE: {
      description:
        "The customer's network, or a third-party service or add-in: outside what support covers.",
    },
  },
});
registerEnumType(TargetBasis, {
  name: 'TargetBasis',
  description: "Whether a response target is the provider's stated one or our own choice.",
});
registerEnumType(IssueClassification, { name: 'IssueClassification' });
registerEnumType(ServiceHealthStatus, {
  name: 'ServiceHealthStatus',
  description: 'Microsoft Graph serviceHealthStatus, in upper case.',
});

export {
  CaseCategory,
  CaseEventKind,
  CaseStatus,
  ClockState,
  CloseReason,
  ContactMethod,
  IssueClassification,
  PartnerRequestArea,
  ServiceHealthStatus,
  ServiceState,
  Severity,
  SeveritySource,
  SupportCalendar,
  TargetBasis,
  UsersAffected,
};
