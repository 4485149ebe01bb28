import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { HelpKind } from '../../../lib/access/self-help';
import { AdminRole } from '../../../lib/graphql/enums';
import { SupportChannel } from '../domain/support-channels';
import { CaseCategory, Severity, SupportCalendar } from '../graphql-enums';
import { Partner } from './partner.type';
import { ResponseTarget } from './response-target.type';

registerEnumType(SupportChannel, { name: 'SupportChannel' });

registerEnumType(HelpKind, { name: 'HelpKind' });

@ObjectType({ description: 'Self-help or community resource for questions support does not take.' })
export class HelpResource {
  @Field(() => HelpKind)
  kind!: HelpKind;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Only where the documents give one.' })
  url!: string | null;
}

@ObjectType({ description: 'When support handles cases of these severities.' })
export class SupportHours {
  @Field(() => [Severity])
  severities!: Severity[];

  @Field(() => SupportCalendar)
  calendar!: SupportCalendar;

  @Field(() => String, { description: 'IANA time zone the hours are in.' })
  timeZone!: string;

  @Field(() => String, { description: 'e.g. "09:00-24:00 Beijing time, every day of the year".' })
  description!: string;
}

@ObjectType({ description: 'What a new case of this severity would wait for, opened now.' })
export class ExpectedWait {
  @Field(() => Severity)
  severity!: Severity;

  @Field(() => ResponseTarget, { description: 'The target, as `responseTarget` gives it now.' })
  responseTarget!: ResponseTarget;

  @Field(() => Boolean, { description: "True while the target's calendar counts." })
  handlingNow!: boolean;

  @Field(() => Date, { description: 'Now while handling, else when the next window opens.' })
  nextWindowOpensAt!: Date;

  @Field(() => String, {
    description: 'e.g. "Next response window opens Monday 09:00 Beijing time. First response ..."',
  })
  description!: string;
}

@ObjectType({ description: 'How one category of support is reached, and what it promises.' })
export class SupportCategoryOptions {
  @Field(() => CaseCategory)
  category!: CaseCategory;

  @Field(() => Boolean, {
    description: 'False when the organization cannot open it yet (technical without a plan).',
  })
  available!: boolean;

  @Field(() => [SupportChannel])
  channels!: SupportChannel[];

  @Field(() => String, { nullable: true, description: 'Only where the documents print one.' })
  phoneNumber!: string | null;

  @Field(() => String, { description: 'When and how to call, in the documents’ words.' })
  phoneNote!: string;

  @Field(() => String, { nullable: true, description: 'Null where the documents say nothing.' })
  languages!: string | null;

  @Field(() => [SupportHours], { description: 'When cases are handled, per severity.' })
  hours!: SupportHours[];

  @Field(() => [ExpectedWait], { description: 'Per severity allowed in this category.' })
  expectedWait!: ExpectedWait[];
}

@ObjectType({ description: 'What the portal tells a customer before it asks for help.' })
export class SupportOptions {
  @Field(() => String, { description: 'Microsoft or 21Vianet.' })
  provider!: string;

  @Field(() => Partner, {
    nullable: true,
    description:
      'Set when every subscription came through this partner: support comes from it, not the ' +
      'provider (categories is then empty).',
  })
  supportingPartner!: Partner | null;

  @Field(() => String)
  summary!: string;

  @Field(() => Boolean)
  viewerMayOpenCases!: boolean;

  @Field(() => [AdminRole], {
    description: 'For a member who may not ask support: the admin roles to turn to instead.',
  })
  askAdminRoles!: AdminRole[];

  @Field(() => [HelpResource], {
    description: "Self-help and community of the organization's cloud.",
  })
  selfHelp!: HelpResource[];

  @Field(() => [SupportCategoryOptions], {
    description: 'Technical, billing and subscription, pre-sales.',
  })
  categories!: SupportCategoryOptions[];
}
