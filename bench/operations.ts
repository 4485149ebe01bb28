import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/config/project-root';

/** A client operation of the contract, as the bench sends it. */
export const contractOperation = (name: string) =>
  readFileSync(join(projectRoot(), 'contract', 'operations', `${name}.graphql`), 'utf8');

/** A console operation (console/operations) with the console's shared fragments. */
export const consoleOperation = (name: string) =>
  ['fragments', name]
    .map((file) =>
      readFileSync(join(projectRoot(), 'console', 'operations', `${file}.graphql`), 'utf8'),
    )
    .join('\n');
