import { Cloud } from '../../../lib/domain/enums';

// Case numbers people read out on the phone: a cloud prefix and a sequence per cloud, GL-000123.

const PREFIX: Record<Cloud, string> = { [Cloud.GLOBAL]: 'GL', [Cloud.CHINA_21VIANET]: 'CN' };

/** The counter a cloud's case numbers are drawn from (commands/sequence.ts). */
export const caseNumberSequence = (cloud: Cloud): string => `case-number:${cloud}`;

export function formatCaseNumber(cloud: Cloud, sequence: number): string {
  return `${PREFIX[cloud]}-${String(sequence).padStart(6, '0')}`;
}
