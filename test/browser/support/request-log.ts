import type { BrowserContext } from 'playwright-core';

export interface RequestLog {
  /** Every URL the context asked for: documents, scripts, workers, fetches and websockets. */
  readonly urls: string[];
  /** The URLs whose origin (scheme, host, port) is not `origin`, ws(s) counted as http(s). */
  foreign(origin: string): string[];
}

const sameOrigin = (url: string, origin: string): boolean => {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  const scheme = parsed.protocol.replace(/^ws/, 'http');
  return `${scheme}//${parsed.host}` === new URL(origin).origin;
};

/** Records every request of every page (and its workers) in the context, from now on. */
export function recordRequests(context: BrowserContext): RequestLog {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  context.on('page', (page) => page.on('websocket', (socket) => urls.push(socket.url())));
  for (const page of context.pages()) page.on('websocket', (socket) => urls.push(socket.url()));
  return {
    urls,
    foreign: (origin) => urls.filter((url) => !sameOrigin(url, origin)),
  };
}
