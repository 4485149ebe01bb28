import { AdminRole, Cloud } from '../domain/enums';
import type { Action } from './permissions';
import { ROLE_ACTIONS } from './permissions';

// Where a person who may not ask support is pointed instead (000, 001, 002: "if you are not an
// admin, get help in the community forums or contact your admin"). Admins are named by role,
// never by e-mail: who holds a role is the organization's business, not a stranger's.

export enum HelpKind {
  SELF_HELP = 'SELF_HELP',
  COMMUNITY = 'COMMUNITY',
}

export interface HelpResource {
  kind: HelpKind;
  name: string;
  /** Only addresses the documents give; null where they name the resource without one. */
  url: string | null;
}

const GLOBAL_HELP: HelpResource[] = [
  {
    kind: HelpKind.SELF_HELP,
    name: 'Microsoft 365 help and training: troubleshooting tools, help articles and videos',
    url: null,
  },
  {
    kind: HelpKind.COMMUNITY,
    name: 'Microsoft 365 community forums and wiki',
    url: 'https://go.microsoft.com/fwlink/p/?LinkID=279811',
  },
  {
    kind: HelpKind.COMMUNITY,
    name: 'Microsoft Community answers',
    url: 'https://answers.microsoft.com',
  },
];

const CHINA_HELP: HelpResource[] = [
  {
    kind: HelpKind.SELF_HELP,
    name: 'Microsoft 365 operated by 21Vianet: troubleshooting tools, help articles and videos',
    url: null,
  },
  { kind: HelpKind.COMMUNITY, name: 'Microsoft 365 community forums and wiki', url: null },
];

/** Self-help and community resources of the organization's cloud. */
export function selfHelpFor(cloud: Cloud | null): HelpResource[] {
  return cloud === Cloud.CHINA_21VIANET ? CHINA_HELP : GLOBAL_HELP;
}

/** The admin roles that grant an action, in the role table's order. */
export function rolesGranting(action: Action): AdminRole[] {
  return (Object.keys(ROLE_ACTIONS) as AdminRole[]).filter((role) =>
    ROLE_ACTIONS[role].has(action),
  );
}

const ROLE_WORDS: Record<AdminRole, string> = {
  [AdminRole.GLOBAL_ADMIN]: 'global admin',
  [AdminRole.BILLING_ADMIN]: 'billing admin',
  [AdminRole.SERVICE_SUPPORT_ADMIN]: 'service support admin',
  [AdminRole.HELPDESK_ADMIN]: 'helpdesk admin',
  [AdminRole.USER_ADMIN]: 'user admin',
  [AdminRole.EXCHANGE_ADMIN]: 'Exchange admin',
  [AdminRole.SHAREPOINT_ADMIN]: 'SharePoint admin',
  [AdminRole.TEAMS_ADMIN]: 'Teams admin',
  [AdminRole.GLOBAL_READER]: 'global reader',
};

const listed = (words: string[]) =>
  words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');

/**
 * What a member of the organization is told when a service-request action is not theirs: the
 * admins to turn to, by role (those who may do it; for a member without any admin role, those who
 * may open a request for them), and for that member self-help and the community first.
 */
export function memberRefusal(action: Action, cloud: Cloud | null, hasAdminRole: boolean) {
  const askAdminRoles = rolesGranting(hasAdminRole ? action : 'cases:open');
  const selfHelp = hasAdminRole ? [] : selfHelpFor(cloud);
  const ask = `ask an admin of your organization (${listed(askAdminRoles.map((r) => ROLE_WORDS[r]))})`;
  const message = hasAdminRole
    ? `Your admin role does not cover this: ${ask}.`
    : 'Only admins of the organization can ask support and see its service requests. Start ' +
      `with self-help (${selfHelp.map((h) => h.name).join('; ')}), or ${ask}.`;
  return { message, askAdminRoles, selfHelp };
}
