import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';
import { printSchema } from 'graphql';
import { apiSchemaOf } from '../lib/federation/contract-validation';

// Typed operations for the console from its .graphql documents, against the API schema the
// gateway serves (the composed supergraph without its federation machinery). The persisted
// documents (hash -> exact body, __typename included for the cache) are what the console sends
// and what the trusted-documents manifest registers.
const root = join(__dirname, '..');
const supergraph = readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8');

const config: CodegenConfig = {
  schema: printSchema(apiSchemaOf(supergraph)),
  documents: [join(__dirname, 'operations', '*.graphql')],
  generates: {
    [join(__dirname, 'src', 'graphql/')]: {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: {
          // Plain hex, as the gateway's trusted-documents manifest and APQ name documents.
          hashAlgorithm: (body: string) => createHash('sha256').update(body).digest('hex'),
        },
      },
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
