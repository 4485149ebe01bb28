import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, openCase } from '../support/cases';
import { GLOBAL_ENGINEER as ENGINEER } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { type Stack, startStack } from '../support/stack';

// The service health dashboard: public to read, published by each cloud's support engineers.

const POST_ISSUE = `
  mutation Post($input: PostServiceIssueInput!) {
    postServiceIssue(input: $input) { id cloud service title classification status startedAt endedAt posts { body status } }
  }`;

const UPDATE_ISSUE = `
  mutation Update($id: ID!, $status: ServiceHealthStatus!, $message: String!) {
    updateServiceIssue(id: $id, status: $status, message: $message) { id status endedAt posts { body status } }
  }`;

describe.each(testDialects())('service health (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  const dashboard = async (cloud: string) => {
    const { data, errors } = await stack.contract('ServiceHealth', { cloud });
    expect(errors).toBeUndefined();
    return data!.serviceHealth as any[];
  };
  const service = async (cloud: string, name: string) =>
    (await dashboard(cloud)).find((s) => s.service === name);

  it('shows each cloud its services, statuses and issues without a token', async () => {
    const exchange = await service('GLOBAL', 'Exchange Online');
    expect(exchange.status).toBe('SERVICE_DEGRADATION');
    expect(exchange.issues[0]).toMatchObject({
      id: 'EX1047823',
      classification: 'INCIDENT',
      status: 'SERVICE_DEGRADATION',
      endedAt: null,
    });
    const teams = await service('GLOBAL', 'Microsoft Teams');
    expect(teams.status).toBe('SERVICE_OPERATIONAL');
    expect(teams.issues[0].endedAt).not.toBeNull();
    expect((await service('CHINA_21VIANET', 'Microsoft Teams')).status).toBe(
      'SERVICE_INTERRUPTION',
    );
    expect((await dashboard('CHINA_21VIANET')).map((s) => s.service)).not.toContain(
      'OneDrive for Business',
    );
  });

  it('lets an engineer publish an incident, update it and end it', async () => {
    const input = {
      cloud: 'GLOBAL',
      service: 'SharePoint Online',
      title: 'Users cannot open document libraries',
      classification: 'INCIDENT',
      status: 'INVESTIGATING',
      message: 'We are investigating reports of errors opening libraries.',
    };
    const posted = await stack.query(POST_ISSUE, { input }, { email: ENGINEER });
    expect(posted.errors).toBeUndefined();
    const issue = posted.data!.postServiceIssue;
    expect(issue).toMatchObject({
      id: expect.stringMatching(/^SP\d{7}$/),
      status: 'INVESTIGATING',
      endedAt: null,
      posts: [{ body: input.message, status: 'INVESTIGATING' }],
    });
    expect((await service('GLOBAL', 'SharePoint Online')).status).toBe('INVESTIGATING');

    // A case opened now about SharePoint links the incident.
    const kase = await openCase(stack, 'dan@fabrikam.example', 'org-fabrikam', {
      topic: 'SharePoint Online permissions',
    });
    const detail = await stack.contract('CaseDetail', { id: kase.id }, 'dan@fabrikam.example');
    expect(detail.data!.case.relatedIncident.id).toBe(issue.id);

    const update = (status: string, message: string) =>
      stack.query(UPDATE_ISSUE, { id: issue.id, status, message }, { email: ENGINEER });
    await update('SERVICE_DEGRADATION', 'A fix is rolling out.');
    const ended = (await update('SERVICE_RESTORED', 'The fix is deployed everywhere.')).data!
      .updateServiceIssue;
    expect(ended.endedAt).not.toBeNull();
    expect(ended.posts.map((p: any) => p.status)).toEqual([
      'INVESTIGATING',
      'SERVICE_DEGRADATION',
      'SERVICE_RESTORED',
    ]);
    expect((await service('GLOBAL', 'SharePoint Online')).status).toBe('SERVICE_OPERATIONAL');
  });

  it('keeps publishing to the engineers of the cloud, with sane input', async () => {
    const input = {
      cloud: 'GLOBAL',
      service: 'Exchange Online',
      title: 'Delays',
      classification: 'ADVISORY',
      status: 'SERVICE_DEGRADATION',
      message: 'Some delays.',
    };
    const post = (email: string | undefined, overrides: object = {}) =>
      stack.query(POST_ISSUE, { input: { ...input, ...overrides } }, { email });
    expect(codes(await post(undefined))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await post('alice@contoso.example'))).toEqual(['FORBIDDEN']);
    expect(codes(await post('engineer@support.21vianet.example'))).toEqual(['FORBIDDEN']);
    expect(codes(await post(ENGINEER, { service: 'Exchange Onlime' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await post(ENGINEER, { status: 'RESOLVED' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await post(ENGINEER, { title: ' ' }))).toEqual(['BAD_USER_INPUT']);
    const update = (id: string, email: string) =>
      stack.query(UPDATE_ISSUE, { id, status: 'RESOLVED', message: 'Done.' }, { email });
    expect(codes(await update('TM2048816', ENGINEER))).toEqual(['FORBIDDEN']);
    expect(codes(await update('XX0000000', ENGINEER))).toEqual(['NOT_FOUND']);
    expect((await service('GLOBAL', 'Exchange Online')).issues).toHaveLength(1);
  });
});
