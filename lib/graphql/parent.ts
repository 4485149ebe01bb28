import { createParameterDecorator } from 'type-graphql';

// type-graphql's @Root() turns a root that is not an instance of the parameter's class into one
// (`new Class()`, then a copy of every key). Our roots already are what the resolvers read:
// entities, plain rows of the read paths, federation representations. On a MikroORM entity class
// that copy runs every property setter: 17% of the cases subgraph's CPU on a partner dashboard
// (2,500 case rows), for objects read once and thrown away.

/** The parent object of a field resolver, as its parent resolver returned it. */
export function Parent() {
  return createParameterDecorator(({ root }) => root);
}
