import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import {
  addRegisteredContact,
  removeRegisteredContact,
} from '../commands/registered-contact.commands';
import type { AccountsContext } from '../context';
import { Organization } from '../entities/organization.entity';
import { ContactKind, RegisteredContact } from '../entities/registered-contact.entity';

@Resolver()
export class ContactResolver {
  @Mutation(() => RegisteredContact, {
    description: 'Global admins: register a phone (international form) or e-mail.',
  })
  addRegisteredContact(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('kind', () => ContactKind) kind: ContactKind,
    @Arg('value', () => String) value: string,
    @Ctx() ctx: AccountsContext,
  ) {
    return addRegisteredContact(ctx, organizationId, kind, value);
  }

  @Mutation(() => Organization, {
    description: 'Global admins: remove a registered contact (one always remains).',
  })
  removeRegisteredContact(
    @Arg('contactId', () => ID) contactId: string,
    @Ctx() ctx: AccountsContext,
  ) {
    return removeRegisteredContact(ctx, contactId);
  }
}
