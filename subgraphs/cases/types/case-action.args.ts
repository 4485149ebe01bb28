import { ArgsType, Field, ID, Int } from 'type-graphql';
import { CaseCategory, CaseStatus, CloseReason, Severity } from '../graphql-enums';
import { CaseImpactInput } from './case-impact.type';

// Arguments of the case-actions mutations, as classes so the schema lists them in reading order.

@ArgsType()
export class CaseNoteArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => String, { description: '1 to 10000 characters.' })
  body!: string;
}

@ArgsType()
export class CaseStatusArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => CaseStatus)
  status!: CaseStatus;
}

@ArgsType()
export class CaseReasonArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => String, { description: 'Why, in a few words; support reads it.' })
  reason!: string;
}

@ArgsType()
export class LowerSeverityArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => Severity, { description: 'Lower than the current severity.' })
  severity!: Severity;

  @Field(() => String)
  reason!: string;
}

@ArgsType()
export class AssessSeverityArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => Severity, {
    description: 'Higher or lower; the current one confirms a provisional severity.',
  })
  severity!: Severity;

  @Field(() => String, { description: 'Why, for the customer and the severity history.' })
  reason!: string;
}

@ArgsType()
export class CloseCaseArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => CloseReason)
  reason!: CloseReason;

  @Field(() => String, {
    description: 'For the customer: where to turn instead. 1 to 10000 characters.',
  })
  note!: string;
}

@ArgsType()
export class SurveyArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent).' })
  rating!: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@ArgsType()
export class ResponseTargetArgs {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => CaseCategory)
  category!: CaseCategory;

  @Field(() => Severity)
  severity!: Severity;

  @Field(() => Date, { nullable: true, description: 'When the case would be opened; default now.' })
  openedAt?: Date | null;

  @Field(() => CaseImpactInput, {
    nullable: true,
    description: 'The impact the customer would state: the answer shows the severity assigned.',
  })
  impact?: CaseImpactInput | null;
}
