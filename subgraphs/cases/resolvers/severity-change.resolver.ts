import { FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../../../lib/graphql/parent';
import { SeverityChange } from '../entities/severity-change.entity';
import { User } from '../types/user.type';

@Resolver(() => SeverityChange)
export class SeverityChangeResolver {
  @FieldResolver(() => User, { description: 'The support engineer who assessed the severity.' })
  changedBy(@Parent() change: SeverityChange): User {
    return { id: change.changedById };
  }
}
