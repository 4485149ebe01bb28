/**
 * The client documents the trusted-documents manifest registers (paths from the project root):
 * the contract's operations, the project's own test operations, and the console's, as its code
 * generator persists them.
 */
export const TRUSTED_SOURCES = [
  'contract/operations',
  'test/operations',
  'console/src/graphql/persisted-documents.json',
];
