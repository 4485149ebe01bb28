import { Field, ObjectType } from 'type-graphql';
import { Severity, SeveritySource, SupportCalendar, TargetBasis } from '../graphql-enums';

@ObjectType({
  description: 'The initial response promised for a case of this category and severity.',
})
export class ResponseTarget {
  @Field(() => Severity, {
    description: 'The severity the case would get: assessed from the impact, or as requested.',
  })
  severity!: Severity;

  @Field(() => Severity)
  requestedSeverity!: Severity;

  @Field(() => Boolean, {
    description: 'False when the requested severity would stand provisionally (no impact given).',
  })
  severityAssessed!: boolean;

  @Field(() => SeveritySource)
  severitySource!: SeveritySource;

  @Field(() => String, { description: 'Why that severity: the severity table row or the rule.' })
  severityReason!: string;

  @Field(() => TargetBasis, {
    description: "DOCUMENTED: the provider's stated target; OUR_POLICY: our own, not a promise.",
  })
  basis!: TargetBasis;

  @Field(() => String, { description: 'Where the target comes from, in a sentence.' })
  source!: string;

  @Field(() => Boolean, { description: 'False when the plan makes no response-time commitment.' })
  committed!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 duration of calendar time (PT1H, PT15H, ...); null without commitment.',
  })
  target!: string | null;

  @Field(() => SupportCalendar, { description: 'Which hours count, also without commitment.' })
  calendar!: SupportCalendar;

  @Field(() => String, { description: 'IANA time zone the calendar counts in.' })
  timeZone!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the first response is due for a case opened at openedAt.',
  })
  dueAt!: Date | null;

  @Field(() => String, {
    description: 'In plain words, e.g. "First response within 1 hour, 24x7".',
  })
  description!: string;
}
