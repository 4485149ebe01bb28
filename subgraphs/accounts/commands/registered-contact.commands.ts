import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../../lib/audit/record-audit';
import { BadUserInputError, NotFoundError } from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { AccountsContext } from '../context';
import { isEmail, toE164 } from '../domain/phone-number';
import { ContactKind, RegisteredContact } from '../entities/registered-contact.entity';
import { organizationFor } from './organization-access';

function normalise(kind: ContactKind, value: string): { value: string; e164: string | null } {
  const trimmed = value.trim();
  if (kind === ContactKind.EMAIL) {
    if (!isEmail(trimmed))
      throw new BadUserInputError(`"${trimmed.slice(0, 80)}" is not an e-mail address.`, 'value');
    return { value: trimmed.toLowerCase(), e164: null };
  }
  const e164 = toE164(trimmed);
  if (!e164) {
    throw new BadUserInputError(
      `"${trimmed.slice(0, 40)}" is not a phone number: use the international form, e.g. +86 10 5555 0101.`,
      'value',
    );
  }
  return { value: trimmed, e164 };
}

export function addRegisteredContact(
  ctx: AccountsContext,
  organizationId: string,
  kind: ContactKind,
  raw: string,
) {
  return ctx.em.transactional(async (em) => {
    const organization = await organizationFor(em, ctx.viewer, organizationId, 'contacts:manage');
    const { value, e164 } = normalise(kind, raw);
    const contacts = await em.find(RegisteredContact, { organization });
    if (
      contacts.some(
        (c) => c.kind === kind && (c.e164 ? c.e164 === e164 : c.value.toLowerCase() === value),
      )
    ) {
      throw new BadUserInputError(`${value} is already registered.`, 'value');
    }
    const contact = em.create(RegisteredContact, {
      id: `contact-${randomUUID()}`,
      organization,
      kind,
      value,
      e164,
      createdAt: ctx.now,
    });
    recordAudit(
      em,
      ctx.viewer,
      { organizationId, action: 'contact.added', target: contact.id, after: { kind, value } },
      ctx.now,
    );
    return contact;
  });
}

export function removeRegisteredContact(ctx: AccountsContext, contactId: string) {
  return ctx.em.transactional(async (em) => {
    const contact = await em.findOne(RegisteredContact, { id: parseId(contactId, 'contactId') });
    if (!contact) throw new NotFoundError('Registered contact', contactId);
    const organization = await organizationFor(
      em,
      ctx.viewer,
      contact.organization.id,
      'contacts:manage',
    );
    const remaining = await em.count(RegisteredContact, { organization, id: { $ne: contact.id } });
    if (remaining === 0) {
      throw new BadUserInputError(
        'An organization keeps at least one registered contact: add another one first.',
      );
    }
    em.remove(contact);
    recordAudit(
      em,
      ctx.viewer,
      {
        organizationId: organization.id,
        action: 'contact.removed',
        target: contact.id,
        before: { kind: contact.kind, value: contact.value },
      },
      ctx.now,
    );
    return organization;
  });
}
