import { type Stack, type StackOptions, startStack } from '../../support/stack';

export interface BrowserStack {
  stack: Stack;
  /** The gateway's origin, the only one a page of ours may talk to. */
  origin: string;
}

/**
 * The product as `npm start` runs it for a browser: the three subgraphs on embedded SQLite with
 * the demo seed and the gateway serving the built frontends (dist/), in this process, on free
 * ports (test/support/stack.ts). NODE_ENV=test: the development sign-in and the explorer are on.
 */
export async function startBrowserStack(options: StackOptions = {}): Promise<BrowserStack> {
  const stack = await startStack('sqlite', options);
  return { stack, origin: new URL(stack.gatewayUrl).origin };
}
