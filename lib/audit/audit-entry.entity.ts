import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from './json-scalar';

/**
 * Append-only record of one change, written in the same transaction as the change. Each subgraph
 * that changes tenant data keeps its own table of these; nothing ever updates or deletes a row.
 */
@Directive('@shareable')
@ObjectType({ description: 'One recorded change: who did what to which record, and when.' })
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['organizationId', 'at'] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  organizationId!: string;

  @Field(() => String, { description: 'The acting user id, or "system".' })
  @Property({ type: 'string', length: 80 })
  actorId!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 320, nullable: true })
  actorEmail?: string | null;

  @Field(() => String, { description: 'What was done, e.g. role.assigned, subscription.canceled.' })
  @Property({ type: 'string', length: 80 })
  action!: string;

  @Field(() => String, { description: 'The record changed, e.g. user-alice or sub-123.' })
  @Property({ type: 'string', length: 120 })
  target!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  after?: unknown;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at: Date & Opt = new Date();
}
