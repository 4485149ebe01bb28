import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTrustedManifest } from '../gateway/security/trusted-documents';
import { TRUSTED_SOURCES } from '../gateway/security/trusted-sources';
import { projectRoot } from '../lib/config/project-root';

// Writes schema/trusted-documents.json from the client documents; --check fails if it is stale.
const root = projectRoot();
const path = join(root, 'schema', 'trusted-documents.json');
const text = `${JSON.stringify(buildTrustedManifest(root, TRUSTED_SOURCES), null, 2)}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(path, 'utf8') !== text) {
    console.error('schema/trusted-documents.json is stale; run npm run trusted-documents');
    process.exit(1);
  }
  console.log('schema/trusted-documents.json is up to date.');
} else {
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
