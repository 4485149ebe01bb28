import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import {
  IssueClassification,
  ServiceHealthStatus,
} from '../../../subgraphs/cases/domain/case-enums';
import {
  assertOngoingStatus,
  endedAtAfter,
  issueId,
} from '../../../subgraphs/cases/domain/service-issue-rules';
import { serviceStatus } from '../../../subgraphs/cases/domain/service-status';

const S = ServiceHealthStatus;
const at = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour));

describe('a service status follows from its issues', () => {
  it('is operational without an ongoing issue', () => {
    expect(serviceStatus([])).toBe(S.SERVICE_OPERATIONAL);
    expect(
      serviceStatus([
        {
          classification: IssueClassification.INCIDENT,
          status: S.SERVICE_RESTORED,
          startedAt: at(1),
          endedAt: at(2),
        },
      ]),
    ).toBe(S.SERVICE_OPERATIONAL);
  });

  it('takes an ongoing incident over a newer advisory', () => {
    expect(
      serviceStatus([
        {
          classification: IssueClassification.ADVISORY,
          status: S.SERVICE_DEGRADATION,
          startedAt: at(5),
        },
        {
          classification: IssueClassification.INCIDENT,
          status: S.SERVICE_INTERRUPTION,
          startedAt: at(3),
        },
      ]),
    ).toBe(S.SERVICE_INTERRUPTION);
  });
});

describe('publishing issues', () => {
  it('names issues the Microsoft way', () => {
    expect(issueId('Exchange Online', 42)).toBe('EX0000042');
    expect(issueId('Microsoft Teams', 7)).toBe('TM0000007');
    expect(issueId('Power Platform', 1)).toBe('PP0000001');
  });

  it.each([S.INVESTIGATING, S.SERVICE_DEGRADATION, S.SERVICE_INTERRUPTION])(
    'publishes a new issue as %s',
    (status) => {
      expect(() => assertOngoingStatus(status)).not.toThrow();
    },
  );

  it.each([S.RESOLVED, S.SERVICE_RESTORED, S.FALSE_POSITIVE])(
    'refuses to publish a new issue already %s',
    (status) => {
      expect(() => assertOngoingStatus(status)).toThrow(BadUserInputError);
    },
  );

  it('ends an issue when its status closes it, keeps the first end, clears it on a flare-up', () => {
    expect(endedAtAfter(S.SERVICE_RESTORED, null, at(4))).toEqual(at(4));
    expect(endedAtAfter(S.POST_INCIDENT_REVIEW_PUBLISHED, at(4), at(9))).toEqual(at(4));
    expect(endedAtAfter(S.INVESTIGATING, at(4), at(9))).toBeNull();
  });
});
