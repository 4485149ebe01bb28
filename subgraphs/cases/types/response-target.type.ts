import { Field, ObjectType } from 'type-graphql';
import { Severity, SupportCalendar } from '../graphql-enums';

@ObjectType({
  description: 'The initial response promised for a case of this category and severity.',
})
export class ResponseTarget {
  @Field(() => Severity)
  severity!: Severity;

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
