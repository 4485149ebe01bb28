import { FieldResolver, Resolver, Root } from 'type-graphql';
import { SeverityChange } from '../entities/severity-change.entity';
import { User } from '../types/user.type';

@Resolver(() => SeverityChange)
export class SeverityChangeResolver {
  @FieldResolver(() => User, { description: 'The support engineer who assessed the severity.' })
  changedBy(@Root() change: SeverityChange): User {
    return { id: change.changedById };
  }
}
