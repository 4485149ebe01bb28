import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { addCaseNote } from '../commands/add-case-note.command';
import { changeSeverity, lowerSeverity } from '../commands/change-severity.command';
import { closeCase } from '../commands/close-case.command';
import { escalateCase } from '../commands/escalate-case.command';
import { reopenCase } from '../commands/reopen-case.command';
import { setCaseStatus } from '../commands/set-case-status.command';
import { submitSurvey } from '../commands/submit-survey.command';
import type { CasesContext } from '../context';
import { SupportCase } from '../entities/support-case.entity';
import {
  AssessSeverityArgs,
  CaseNoteArgs,
  CaseReasonArgs,
  CaseStatusArgs,
  CloseCaseArgs,
  LowerSeverityArgs,
  SurveyArgs,
} from '../types/case-action.args';

// The lifecycle of a case (contract case-actions.graphql). Each mutation is one command; the
// rules live in domain/ and the transaction in commands/case-mutation.ts.
@Resolver(() => SupportCase)
export class CaseActionsResolver {
  @Mutation(() => SupportCase, {
    description:
      "A note from the customer's side or from support; support's first note is the first response.",
  })
  addCaseNote(
    @Args(() => CaseNoteArgs) { caseId, body }: CaseNoteArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return addCaseNote(ctx, caseId, body);
  }

  @Mutation(() => SupportCase, {
    description: 'Support moves the case between statuses; the customer may close it.',
  })
  setCaseStatus(
    @Args(() => CaseStatusArgs) { caseId, status }: CaseStatusArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return setCaseStatus(ctx, caseId, status);
  }

  @Mutation(() => SupportCase, {
    description: "Reopens a case closed less than 14 days ago; the organization's admins only.",
  })
  reopenCase(
    @Args(() => CaseReasonArgs) { caseId, reason }: CaseReasonArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return reopenCase(ctx, caseId, reason);
  }

  @Mutation(() => SupportCase, {
    description:
      'Support closes the case with a reason the customer sees (OUT_OF_SCOPE: where to turn ' +
      'goes in the note); the note answers the case, so its response clock counts as met.',
  })
  closeCase(
    @Args(() => CloseCaseArgs) { caseId, reason, note }: CloseCaseArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return closeCase(ctx, caseId, reason, note);
  }

  @Mutation(() => SupportCase, {
    description:
      "Support assesses the case's severity: raises or lowers it (or confirms a provisional " +
      'one) with a reason; dueAt follows until the first response.',
  })
  assessSeverity(
    @Args(() => AssessSeverityArgs) { caseId, severity, reason }: AssessSeverityArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return changeSeverity(ctx, caseId, severity, reason);
  }

  @Mutation(() => SupportCase, {
    description: "Support lowers the case's severity, with a reason (assessSeverity, downwards).",
  })
  lowerSeverity(
    @Args(() => LowerSeverityArgs) { caseId, severity, reason }: LowerSeverityArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return lowerSeverity(ctx, caseId, severity, reason);
  }

  @Mutation(() => SupportCase, {
    description: 'The partner that opened the case for its customer escalates it to the provider.',
  })
  escalateCase(
    @Args(() => CaseReasonArgs) { caseId, reason }: CaseReasonArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return escalateCase(ctx, caseId, reason);
  }

  @Mutation(() => SupportCase, {
    description: "The organization's feedback on a closed case, once per closure: rating 1 to 5.",
  })
  submitSurvey(
    @Args(() => SurveyArgs) { caseId, rating, comment }: SurveyArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return submitSurvey(ctx, caseId, rating, comment);
  }
}
