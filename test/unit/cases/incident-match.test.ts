import { describe, expect, it } from 'vitest';
import { CaseCategory, IssueClassification } from '../../../subgraphs/cases/domain/case-enums';
import { relatedIncident, serviceOfTopic } from '../../../subgraphs/cases/domain/incident-match';

const SERVICES = [
  'Exchange Online',
  'SharePoint Online',
  'OneDrive for Business',
  'Microsoft Teams',
  'Microsoft 365 Apps',
  'Identity',
];

describe('serviceOfTopic', () => {
  it.each([
    ['Exchange Online mailbox migration', 'Exchange Online'],
    ['Mailbox permissions', 'Exchange Online'],
    ['Shared mailboxes', 'Exchange Online'],
    ['Mail forwarding', 'Exchange Online'],
    ['Autodiscover', 'Exchange Online'],
    ['SharePoint Online external users', 'SharePoint Online'],
    ['Microsoft Teams meetings', 'Microsoft Teams'],
    ['Teams meeting recordings in SharePoint', 'Microsoft Teams'],
    ['Microsoft 365 Apps install', 'Microsoft 365 Apps'],
    ['Single sign-on', 'Identity'],
    ['Active Directory synchronisation', 'Identity'],
    ['Skype for Business contacts', null],
    ['Domains', null],
  ])('"%s" is about %s', (topic, service) => {
    expect(serviceOfTopic(topic, SERVICES)).toBe(service);
  });
});

describe('relatedIncident', () => {
  const issue = (id: string, service: string, extra: object = {}) => ({
    id,
    service,
    classification: IssueClassification.INCIDENT,
    startedAt: new Date('2026-03-01T10:00:00Z'),
    endedAt: null,
    ...extra,
  });
  const issues = [
    issue('EX1', 'Exchange Online'),
    issue('EX2', 'Exchange Online', { startedAt: new Date('2026-03-01T11:00:00Z') }),
    issue('EX0', 'Exchange Online', { endedAt: new Date('2026-03-01T09:00:00Z') }),
    issue('TM1', 'Microsoft Teams', { classification: IssueClassification.ADVISORY }),
  ];

  it('links a technical case to the newest open incident of its service', () => {
    expect(relatedIncident(CaseCategory.TECHNICAL, 'Shared mailboxes', issues)?.id).toBe('EX2');
  });

  it('ignores advisories, ended incidents and non-technical cases', () => {
    expect(relatedIncident(CaseCategory.TECHNICAL, 'Teams meetings', issues)).toBeNull();
    expect(relatedIncident(CaseCategory.PRE_SALES, 'Exchange Online plans', issues)).toBeNull();
    expect(relatedIncident(CaseCategory.TECHNICAL, 'Mail forwarding', [issues[2]!])).toBeNull();
  });
});
