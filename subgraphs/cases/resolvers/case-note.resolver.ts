import { FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../../../lib/graphql/parent';
import { CaseNote } from '../entities/case-note.entity';
import { User } from '../types/user.type';

@Resolver(() => CaseNote)
export class CaseNoteResolver {
  @FieldResolver(() => User)
  author(@Parent() note: CaseNote): User {
    return { id: note.authorId };
  }
}
