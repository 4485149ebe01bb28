import { Field, ObjectType } from 'type-graphql';
import { CaseEventKind } from '../domain/case-enums';
import { SupportCase } from '../entities/support-case.entity';

@ObjectType('CaseEvent', { description: 'One change to a case, as live updates deliver it.' })
export class CaseEventMessage {
  @Field(() => String, { description: 'Opaque and ordered: resume with `after: cursor`.' })
  cursor!: string;

  @Field(() => CaseEventKind)
  kind!: CaseEventKind;

  @Field(() => Date)
  at!: Date;

  @Field(() => SupportCase, { name: 'case' })
  kase!: SupportCase;
}
