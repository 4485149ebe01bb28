import { Cloud } from '../../../lib/domain/enums';

// The services each cloud's health dashboard lists, as Microsoft names them. Reference data, not
// demo data: every database gets them (commands/ensure-service-catalog.command.ts), seeded or not.

export const SERVICE_CATALOG: Record<Cloud, readonly string[]> = {
  [Cloud.GLOBAL]: [
    'Exchange Online',
    'SharePoint Online',
    'OneDrive for Business',
    'Microsoft Teams',
    'Microsoft 365 Apps',
    'Identity',
  ],
  [Cloud.CHINA_21VIANET]: [
    'Exchange Online',
    'SharePoint Online',
    'Microsoft Teams',
    'Microsoft 365 Apps',
    'Identity',
  ],
};

export const serviceRowId = (cloud: Cloud, name: string): string =>
  `${cloud}-${name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
