import type { BrowserContext } from 'playwright-core';

export interface RequestLog {
  /** Every URL the context asked for: documents, scripts, workers, fetches and websockets. */
  readonly urls: string[];
  /** The URLs whose origin (scheme, host, port) is not `origin`, ws(s) counted as http(s). */
  foreign(origin: string): string[];
  /**
   * What the page's Content-Security-Policy blocked, as Chromium reports it on the console: a
   * second witness of an attempt to reach another host (or to run what the policy forbids).
   */
  readonly refused: string[];
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
  const refused: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy'))
      refused.push(message.text());
  });
  context.on('page', (page) => page.on('websocket', (socket) => urls.push(socket.url())));
  for (const page of context.pages()) page.on('websocket', (socket) => urls.push(socket.url()));
  return {
    urls,
    refused,
    foreign: (origin) => urls.filter((url) => !sameOrigin(url, origin)),
  };
}
