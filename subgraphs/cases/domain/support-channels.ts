import { Cloud } from '../../../lib/domain/enums';
import { CaseCategory } from './case-enums';

// How each category of support is reached, per cloud, in the documents' words: 000 and 002 (Get
// support, with the 21Vianet section) and 001 (service description, "Support"). Hours of handling
// come from the response targets (response-target.ts), not from here: one calendar only.

export enum SupportChannel {
  ONLINE = 'ONLINE',
  PHONE = 'PHONE',
}

export interface ChannelFacts {
  channels: SupportChannel[];
  /** Only where the documents print one. */
  phoneNumber: string | null;
  phoneNote: string;
  /** Null where the documents say nothing about languages. */
  languages: string | null;
}

const { ONLINE, PHONE } = SupportChannel;

/** 21Vianet's one support number (000, 002: "Contact support"). */
export const VIANET_PHONE = '(86) 400-089-0365';

const GLOBAL: Record<CaseCategory, ChannelFacts> = {
  [CaseCategory.TECHNICAL]: {
    channels: [ONLINE, PHONE],
    phoneNumber: null,
    phoneNote:
      'By phone 24 hours a day, 7 days a week; the number is shown in the admin center. Have ' +
      'your account details ready.',
    languages:
      'In English 24x7, in some countries or regions also in the local language; an engineer can ' +
      'bring a translator into the call.',
  },
  [CaseCategory.BILLING_AND_SUBSCRIPTION]: {
    channels: [ONLINE, PHONE],
    phoneNumber: null,
    phoneNote:
      'By phone Monday to Friday, 09:00 to 17:00 local time, on the same number as technical ' +
      'support (shown in the admin center).',
    languages:
      'In English in most countries and regions; local-language support varies by country.',
  },
  [CaseCategory.PRE_SALES]: {
    channels: [ONLINE, PHONE],
    phoneNumber: null,
    phoneNote:
      'By phone during local business hours, Monday to Friday, on the same number as technical ' +
      'support (shown in the free trial admin center).',
    languages: null,
  },
};

const CHINA: Record<CaseCategory, ChannelFacts> = {
  [CaseCategory.TECHNICAL]: {
    channels: [ONLINE, PHONE],
    phoneNumber: VIANET_PHONE,
    phoneNote:
      'Online through the 21Vianet portal; by phone on (86) 400-089-0365, also when the online ' +
      'request has a problem. Paid and trial subscriptions alike.',
    languages: null,
  },
  [CaseCategory.BILLING_AND_SUBSCRIPTION]: {
    channels: [ONLINE, PHONE],
    phoneNumber: VIANET_PHONE,
    phoneNote:
      'Online or by phone, Monday to Friday in Beijing business hours, on the same number and ' +
      'online process as technical support.',
    languages: null,
  },
  [CaseCategory.PRE_SALES]: {
    channels: [ONLINE, PHONE],
    phoneNumber: VIANET_PHONE,
    phoneNote:
      'By phone during local business hours, Monday to Friday, on the same number as technical ' +
      'support.',
    languages: null,
  },
};

export function channelsOf(cloud: Cloud, category: CaseCategory): ChannelFacts {
  return (cloud === Cloud.CHINA_21VIANET ? CHINA : GLOBAL)[category];
}

/** Who the provider is, by name, for the words shown to the customer. */
export const providerName = (cloud: Cloud): string =>
  cloud === Cloud.CHINA_21VIANET ? '21Vianet' : 'Microsoft';
