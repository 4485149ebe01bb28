import { randomUUID } from 'node:crypto';
import { assertSupportEngineerOf, requireUser } from '../../../lib/access/policy';
import { BadUserInputError, NotFoundError } from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { CasesContext } from '../context';
import type { ServiceHealthStatus } from '../domain/case-enums';
import { LIMITS, optionalText, requiredText } from '../domain/case-input-rules';
import { assertOngoingStatus, endedAtAfter, issueId } from '../domain/service-issue-rules';
import { HealthIssue } from '../entities/health-issue.entity';
import { HealthIssuePost } from '../entities/health-issue-post.entity';
import { HealthService } from '../entities/health-service.entity';
import type { PostServiceIssueInput } from '../types/service-issue.input';
import { advanceSequence } from './sequence';

const TITLE_MAX = 300;

/** A support engineer publishes a new issue on a service of its cloud, with its first post. */
export async function postServiceIssue(
  ctx: CasesContext,
  input: PostServiceIssueInput,
): Promise<HealthIssue> {
  assertSupportEngineerOf(ctx.viewer, input.cloud);
  const title = requiredText(input.title, 'title', TITLE_MAX);
  const message = requiredText(input.message, 'message', LIMITS.note);
  assertOngoingStatus(input.status);
  return ctx.em.fork().transactional(async (em) => {
    const service = await em.findOne(HealthService, { cloud: input.cloud, name: input.service });
    if (!service) {
      throw new BadUserInputError(
        `"${input.service.slice(0, 60)}" is not a service of the ${input.cloud} dashboard.`,
        'service',
      );
    }
    const sequence = await advanceSequence(em, 'health-issue');
    const issue = em.create(HealthIssue, {
      id: issueId(service.name, sequence),
      cloud: input.cloud,
      service: service.name,
      title,
      classification: input.classification,
      status: input.status,
      startedAt: ctx.now,
      endedAt: null,
      updatedAt: ctx.now,
    });
    addPost(em, issue, message, ctx);
    return issue;
  });
}

/** A new post on an issue; its status may move on, and a closing status ends the issue. */
export async function updateServiceIssue(
  ctx: CasesContext,
  id: string,
  status: ServiceHealthStatus,
  message: string,
  title: string | null | undefined,
): Promise<HealthIssue> {
  requireUser(ctx.viewer);
  const text = requiredText(message, 'message', LIMITS.note);
  const newTitle = optionalText(title, 'title', TITLE_MAX);
  return ctx.em.fork().transactional(async (em) => {
    const issue = await em.findOne(HealthIssue, { id: parseId(id, 'id') });
    if (!issue) throw new NotFoundError('Service health issue', id);
    assertSupportEngineerOf(ctx.viewer, issue.cloud);
    issue.status = status;
    issue.endedAt = endedAtAfter(status, issue.endedAt, ctx.now);
    if (newTitle) issue.title = newTitle;
    issue.updatedAt = ctx.now;
    addPost(em, issue, text, ctx);
    return issue;
  });
}

function addPost(
  em: CasesContext['em'],
  issue: HealthIssue,
  body: string,
  ctx: CasesContext,
): HealthIssuePost {
  return em.create(HealthIssuePost, {
    id: `post-${randomUUID()}`,
    issueId: issue.id,
    at: ctx.now,
    body,
    status: issue.status,
    authorId: ctx.viewer.userId,
  });
}
