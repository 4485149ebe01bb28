import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { InvalidTransitionError } from '../../../lib/errors/domain-errors';
import type { CasesContext } from '../context';
import { CaseEventKind, CaseStatus } from '../domain/case-enums';
import { LIMITS, optionalText, surveyRating } from '../domain/case-input-rules';
import { CaseSurvey } from '../entities/case-survey.entity';
import type { SupportCase } from '../entities/support-case.entity';
import { mutateCase } from './case-mutation';

const ALREADY = 'The survey for this closure of the case was already submitted; thank you.';

/** The organization's feedback, once per closure: a reopened and closed again case asks again. */
export async function submitSurvey(
  ctx: CasesContext,
  caseId: string,
  rating: number,
  comment: string | null | undefined,
): Promise<SupportCase> {
  const score = surveyRating(rating);
  const text = optionalText(comment, 'comment', LIMITS.surveyComment);
  try {
    return await mutateCase(
      ctx,
      caseId,
      'cases:survey',
      async ({ em, kase, events, now, actor }) => {
        if (kase.status !== CaseStatus.CLOSED) {
          throw new InvalidTransitionError('A survey can be submitted once the case is closed.');
        }
        const closure = kase.reopenCount;
        if (await em.count(CaseSurvey, { caseId: kase.id, closure })) {
          throw new InvalidTransitionError(ALREADY);
        }
        em.create(CaseSurvey, {
          id: `survey-${randomUUID()}`,
          caseId: kase.id,
          closure,
          rating: score,
          comment: text,
          submittedAt: now,
          submittedById: actor.id,
        });
        events.add(CaseEventKind.SURVEY_SUBMITTED, null, { closure, rating: score });
      },
    );
  } catch (error) {
    // Two submits raced past the check; the database kept the first.
    if (error instanceof UniqueConstraintViolationException)
      throw new InvalidTransitionError(ALREADY);
    throw error;
  }
}
