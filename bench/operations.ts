import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/config/project-root';

/** A client operation of the contract, as the bench sends it. */
export const contractOperation = (name: string) =>
  readFileSync(join(projectRoot(), 'contract', 'operations', `${name}.graphql`), 'utf8');
