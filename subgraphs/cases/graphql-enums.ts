import { registerEnumType } from 'type-graphql';
import {
  CaseCategory,
  CaseEventKind,
  CaseStatus,
  ClockState,
  ContactMethod,
  IssueClassification,
  PartnerRequestArea,
  ServiceHealthStatus,
  Severity,
  SupportCalendar,
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
  ContactMethod,
  IssueClassification,
  PartnerRequestArea,
  ServiceHealthStatus,
  Severity,
  SupportCalendar,
};
