import { BadUserInputError } from '../../../lib/errors/domain-errors';
import type { ServiceHealthStatus } from './case-enums';
import { isEndingStatus } from './service-status';

// Publishing on the service health dashboard: issue ids in Microsoft's style (a service prefix
// and a number, EX1047823), and when an issue starts and ends from the status it is given.

const PREFIX: Record<string, string> = {
  'Exchange Online': 'EX',
  'SharePoint Online': 'SP',
  'OneDrive for Business': 'OD',
  'Microsoft Teams': 'TM',
  'Microsoft 365 Apps': 'OF',
  Identity: 'ID',
};

export function issueId(service: string, sequence: number): string {
  const prefix =
    PREFIX[service] ??
    service
      .split(/\s+/)
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('')
      .slice(0, 2)
      .padEnd(2, 'X');
  return `${prefix}${String(sequence).padStart(7, '0')}`;
}

/** A new issue is published while it is ongoing, never directly in a closing status. */
export function assertOngoingStatus(status: ServiceHealthStatus): void {
  if (isEndingStatus(status)) {
    throw new BadUserInputError(
      `An issue is published while ongoing; ${status} ends one. Publish it as investigating, ` +
        'serviceDegradation or serviceInterruption, then update it.',
      'status',
    );
  }
}

/** endedAt after an update to `status`: set when it ends, cleared if it flares up again. */
export function endedAtAfter(
  status: ServiceHealthStatus,
  endedAt: Date | null | undefined,
  now: Date,
): Date | null {
  if (!isEndingStatus(status)) return null;
  return endedAt ?? now;
}
