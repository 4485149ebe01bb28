import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import {
  confirmPhoneVerification,
  startPhoneVerification,
} from '../commands/phone-verification.commands';
import type { AccountsContext } from '../context';
import { PhoneVerificationResult, PhoneVerificationStart } from '../types/phone-verification.type';

@Resolver()
export class PhoneVerificationResolver {
  @Mutation(() => PhoneVerificationStart, {
    description:
      'Support engineers: verify a caller. A number not registered in the profile gets a 6-digit code by the notifier.',
  })
  startPhoneVerification(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('callerPhone', () => String) callerPhone: string,
    @Ctx() ctx: AccountsContext,
  ) {
    return startPhoneVerification(ctx, organizationId, callerPhone);
  }

  @Mutation(() => PhoneVerificationResult, {
    description:
      'Codes last 10 minutes, work once, and 5 wrong codes close the challenge (VERIFICATION_FAILED).',
  })
  confirmPhoneVerification(
    @Arg('challengeId', () => ID) challengeId: string,
    @Arg('code', () => String) code: string,
    @Ctx() ctx: AccountsContext,
  ) {
    return confirmPhoneVerification(ctx, challengeId, code);
  }
}
