import type { IncomingHttpHeaders } from 'node:http';
import { Agent, type Dispatcher } from 'undici';
import { SubgraphUnreachableError } from '../lib/federation/subgraph-availability';

// Subgraph fetches straight on undici's dispatcher, one keep-alive pool per gateway process. Node's
// global fetch wraps every request and answer in web streams and WHATWG objects (a quarter of the
// gateway's CPU per request); undici's `request` still gave each answer a Readable stream and each
// request an AbortSignal and its listeners (with them, a quarter of the gateway's busy time on a
// rotating SupportPicture): here the answer's chunks are collected into one buffer and a plain
// timer bounds the whole exchange (bench/OPTIMISATIONS.md: change 4 of the query path, and "The gateway's own CPU
// under rotating viewers").
// What comes back is the part of a fetch Response that RemoteGraphQLDataSource, the in-flight
// sharing and the metrics read.

export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export type SubgraphFetch = (url: string, init: SubgraphRequestInit) => Promise<SubgraphResponse>;

/** Idle keep-alive connections are closed after this; subgraphs keep theirs 5 s (Node's default). */
const KEEP_ALIVE_MS = 4_000;

interface Target {
  origin: string;
  path: string;
}

export function createSubgraphFetch(timeoutMs: number): SubgraphFetch {
  const dispatcher = new Agent({ keepAliveTimeout: KEEP_ALIVE_MS });
  // A gateway reaches a handful of subgraph URLs: each is parsed once.
  const targets = new Map<string, Target>();
  const targetOf = (url: string): Target => {
    let target = targets.get(url);
    if (!target) {
      const { origin, pathname, search } = new URL(url);
      target = { origin, path: `${pathname}${search}` };
      targets.set(url, target);
    }
    return target;
  };
  return (url, init) =>
    new Promise((resolve, reject) => {
      const exchange = new Exchange(url, timeoutMs, resolve, reject);
      dispatcher.dispatch(
        {
          ...targetOf(url),
          method: (init.method ?? 'POST') as Dispatcher.HttpMethod,
          headers: init.headers,
          body: init.body,
        },
        exchange,
      );
    });
}

/**
 * One request and its answer: the answer's bytes collected whole, settled once, within the
 * timeout. Failing to get an answer (refused, reset, timed out) is SubgraphUnreachableError.
 */
class Exchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | null = null;
  private status = 0;
  private headers: IncomingHttpHeaders = {};
  private readonly chunks: Buffer[] = [];
  private readonly timer: NodeJS.Timeout;
  private settled = false;

  constructor(
    private readonly url: string,
    timeoutMs: number,
    private readonly resolve: (answer: SubgraphResponse) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.timer = setTimeout(() => this.timeOut(), timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Timed out while queued for a connection: never send it.
    if (this.settled) controller.abort(new Error('timed out'));
  }

  onResponseStart(_c: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders) {
    this.status = status;
    this.headers = headers;
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settle()) this.resolve(answerOf(this.url, this.status, this.headers, this.body()));
  }

  onResponseError(_c: Dispatcher.DispatchController, error: Error): void {
    if (this.settle()) this.reject(new SubgraphUnreachableError(this.url, 'network', error));
  }

  private timeOut(): void {
    if (!this.settle()) return;
    const error = new Error(`no answer within the timeout`);
    this.controller?.abort(error);
    this.reject(new SubgraphUnreachableError(this.url, 'timeout', error));
  }

  /** True the first time only: the exchange ends once, by its answer, an error or the timer. */
  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    return true;
  }

  private body(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
  }
}

/** A Response-like view of an answer whose body is already in hand. */
function answerOf(
  url: string,
  status: number,
  headers: IncomingHttpHeaders,
  body: Buffer,
): SubgraphResponse {
  const text = () => Promise.resolve(body.toString('utf8'));
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: '',
    url,
    headers: { get: (name) => headerValue(headers, name) },
    json: () => text().then(JSON.parse),
    text,
    // A copy: a small body may sit in a slice of a shared pool buffer.
    arrayBuffer: () => Promise.resolve(new Uint8Array(body).buffer),
  };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
