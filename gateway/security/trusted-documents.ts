import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RequestHandler } from 'express';
import { Kind, parse } from 'graphql';

// Trusted documents: with TRUSTED_DOCUMENTS=true the gateway runs only the documents of a manifest
// (sha256 of each .graphql file shipped by clients: the contract's and the project's own), sent
// whole or by hash alone (the APQ extension). Without it, automatic persisted queries work as
// Apollo ships them: any client may register a document by hash.

export interface TrustedDocument {
  sha256: string;
  /** Where the document comes from, relative to the project root. */
  file: string;
  operations: string[];
  body: string;
}

export interface TrustedManifest {
  version: 1;
  documents: TrustedDocument[];
}

export const sha256 = (body: string) => createHash('sha256').update(body).digest('hex');

const operationsOf = (body: string) =>
  parse(body).definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
  );

/** Every .graphql file of a folder, sent as written (sorted, so the output is stable). */
function graphqlFiles(root: string, dir: string): TrustedDocument[] {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => {
      const body = readFileSync(join(root, dir, f), 'utf8');
      const file = relative(root, join(root, dir, f));
      return { sha256: sha256(body), file, operations: operationsOf(body), body };
    });
}

/** A persisted-documents map (hash -> body) as GraphQL Code Generator writes it for a client. */
function persistedDocuments(root: string, path: string): TrustedDocument[] {
  const map = JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, string>;
  return Object.entries(map).map(([hash, body]) => {
    if (hash !== sha256(body)) throw new Error(`${path}: ${hash} is not the sha256 of its body`);
    return { sha256: hash, file: path, operations: operationsOf(body), body };
  });
}

/** Builds the manifest from folders of .graphql files and persisted-documents .json files. */
export function buildTrustedManifest(root: string, sources: string[]): TrustedManifest {
  const documents = sources.flatMap((source) =>
    source.endsWith('.json') ? persistedDocuments(root, source) : graphqlFiles(root, source),
  );
  return { version: 1, documents };
}

export function trustedDocuments(manifestPath: string) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as TrustedManifest;
  const byHash = new Map(manifest.documents.map((d) => [d.sha256, d.body]));

  /** The APQ store in trusted mode: answers manifest documents by hash, registers nothing. */
  const cache = {
    get: async (key: string) => byHash.get(key.replace(/^apq:/, '')),
    set: async () => {},
    delete: async () => {},
  };

  /** Refuses, before any parsing, a request whose document (or hash) is not in the manifest. */
  const middleware: RequestHandler = (req, res, next) => {
    const params = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown>;
    if (!params || typeof params !== 'object' || Array.isArray(params)) return next();
    const hash = typeof params.query === 'string' ? sha256(params.query) : persistedHash(params);
    if (hash === undefined || byHash.has(hash)) return next();
    res.status(400).json({
      errors: [
        {
          message:
            'This gateway runs trusted documents only, and this operation is not one of them. ' +
            'Ship it in the trusted documents manifest.',
          extensions: { code: 'OPERATION_NOT_TRUSTED' },
        },
      ],
    });
  };
  return { cache, middleware };
}

function persistedHash(params: Record<string, unknown>): string | undefined {
  let extensions = params.extensions;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      return undefined; // Apollo answers the malformed request itself
    }
  }
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}
