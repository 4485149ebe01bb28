import { FieldResolver, Resolver, Root } from 'type-graphql';
import { CaseNote } from '../entities/case-note.entity';
import { User } from '../types/user.type';

@Resolver(() => CaseNote)
export class CaseNoteResolver {
  @FieldResolver(() => User)
  author(@Root() note: CaseNote): User {
    return { id: note.authorId };
  }
}
