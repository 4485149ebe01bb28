import { CaseCategory, IssueClassification } from './case-enums';

// Which service a technical topic is about, and the open incident a new case should link to
// (domain.md, "Service health": ours). The earliest mention in the topic decides, so "Teams
// meeting recordings in SharePoint" is about Teams.

const KEYWORDS: Record<string, RegExp> = {
  'Exchange Online': /exchange|mailbox|\bmail|outlook|autodiscover|recipient/i,
  'SharePoint Online': /sharepoint|document librar/i,
  'OneDrive for Business': /onedrive/i,
  'Microsoft Teams': /\bteams\b|meeting/i,
  'Microsoft 365 Apps': /microsoft 365 apps|office (install|activation)|activation|apps install/i,
  Identity:
    /identity|sign-in|sign in|single sign-on|\bsso\b|active directory|entra|synchroni[sz]ation|password/i,
};

/** The service of `services` the topic names or implies, or null. */
export function serviceOfTopic(topic: string, services: readonly string[]): string | null {
  let best: { service: string; at: number } | null = null;
  for (const service of services) {
    const named = topic.toLowerCase().indexOf(service.toLowerCase());
    const implied = KEYWORDS[service]?.exec(topic)?.index ?? -1;
    const at = [named, implied].filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (at !== undefined && (!best || at < best.at)) best = { service, at };
  }
  return best?.service ?? null;
}

export interface IssueSummary {
  id: string;
  service: string;
  classification: IssueClassification;
  startedAt: Date;
  endedAt?: Date | null;
}

/** The newest ongoing incident on the topic's service, for technical cases only. */
export function relatedIncident(
  category: CaseCategory,
  topic: string,
  issues: readonly IssueSummary[],
): IssueSummary | null {
  if (category !== CaseCategory.TECHNICAL) return null;
  const open = issues.filter(
    (i) => i.classification === IssueClassification.INCIDENT && !i.endedAt,
  );
  const service = serviceOfTopic(topic, [...new Set(open.map((i) => i.service))]);
  if (!service) return null;
  const matching = open.filter((i) => i.service === service);
  return matching.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0] ?? null;
}
