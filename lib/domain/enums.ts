// Enums shared by every subgraph: the same TypeScript enum is registered in each subgraph that
// exposes it, so composition sees identical values everywhere.

export enum Cloud {
  GLOBAL = 'GLOBAL',
  CHINA_21VIANET = 'CHINA_21VIANET',
}

export enum AdminRole {
  GLOBAL_ADMIN = 'GLOBAL_ADMIN',
  BILLING_ADMIN = 'BILLING_ADMIN',
  SERVICE_SUPPORT_ADMIN = 'SERVICE_SUPPORT_ADMIN',
  HELPDESK_ADMIN = 'HELPDESK_ADMIN',
  USER_ADMIN = 'USER_ADMIN',
  EXCHANGE_ADMIN = 'EXCHANGE_ADMIN',
  SHAREPOINT_ADMIN = 'SHAREPOINT_ADMIN',
  TEAMS_ADMIN = 'TEAMS_ADMIN',
  GLOBAL_READER = 'GLOBAL_READER',
}

export enum PlanFamily {
  BUSINESS = 'BUSINESS',
  ENTERPRISE = 'ENTERPRISE',
  FRONTLINE = 'FRONTLINE',
}
