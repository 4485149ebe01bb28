import { GATEWAY_SERVICE } from './viewer';
import type { ViewerTokenCodec } from './viewer-token';

/**
 * How long a signed viewer context may be reused: half its life, so a token handed to a peer
 * always has at least half its life left when it arrives.
 */
export function reuseWindowMs(codec: ViewerTokenCodec): number {
  return (codec.lifetimeSeconds * 1000) / 2;
}

/** The service identity's signed token, signed again once it is past its reuse window. */
export function serviceTokenSource(codec: ViewerTokenCodec): () => Promise<string> {
  let token: { value: Promise<string>; renewAt: number } | null = null;
  return () => {
    if (!token || token.renewAt < Date.now()) {
      const value = codec.sign(GATEWAY_SERVICE);
      token = { value, renewAt: Date.now() + reuseWindowMs(codec) };
      value.catch(() => {
        token = null;
      });
    }
    return token.value;
  };
}
