// A subgraph defines a dozen loaders and a request uses two or three of them: building every
// DataLoader (and its statement lookup) for every request was a fixed cost of each subgraph
// fetch (bench/OPTIMISATIONS.md, "Lazy loaders"). Each loader is now made on first use, once per
// request, and stays the request's own: batching and caching work as before.

type Factories<S, T> = { [K in keyof T]: (scope: S) => T[K] };

/**
 * Turns named loader factories of one scope (the request's entity manager, say) into a
 * per-request constructor whose loaders are built when a resolver first reads them. The getters
 * live on one prototype, made once per definition. `lazyLoaders<Scope>()({ name: (scope) => … })`.
 */
export const lazyLoaders =
  <S>() =>
  <T extends object>(factories: Factories<S, T>): ((scope: S) => T) => {
    class Loaders {
      constructor(readonly scope: S) {}
    }
    for (const [name, make] of Object.entries(factories) as [string, (scope: S) => unknown][]) {
      Object.defineProperty(Loaders.prototype, name, {
        enumerable: true,
        get(this: Loaders) {
          const loader = make(this.scope);
          Object.defineProperty(this, name, { value: loader, enumerable: true });
          return loader;
        },
      });
    }
    return (scope) => new Loaders(scope) as unknown as T;
  };
