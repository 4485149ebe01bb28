import { Field, ObjectType } from 'type-graphql';
import { PlanFamily } from '../../../lib/graphql/enums';
import { SupportedBy } from '../graphql-enums';
import { Partner } from './partner.type';

@ObjectType({
  description:
    'The support the organization is entitled to, from its trial and active subscriptions. ' +
    'Without any, planFamily is null: the organization gets pre-sales support only.',
})
export class SupportEntitlement {
  @Field(() => PlanFamily, {
    nullable: true,
    description:
      'Best family among trial and active plans (ENTERPRISE over FRONTLINE over BUSINESS; ' +
      'standalone plans count as ENTERPRISE). Null: no subscription, pre-sales support only.',
  })
  planFamily!: PlanFamily | null;

  @Field(() => Boolean, {
    description:
      'An elevated support add-on (Premier, Professional Direct) is active or in trial: faster ' +
      'targets and the right to set a case severity.',
  })
  elevated!: boolean;

  @Field(() => SupportedBy, {
    description:
      'PARTNER when every trial and active subscription was bought through a partner: support ' +
      'then comes from that partner, not the provider.',
  })
  supportedBy!: SupportedBy;

  @Field(() => Partner, { nullable: true, description: 'The supporting partner, if any.' })
  partner!: Partner | null;
}
