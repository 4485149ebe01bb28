import { parseArgs } from 'node:util';

// `npm run bench -- --scenario mixed --scenario growth --million`: which parts of the bench run.
// The default is all of them, but the 1,000,000-case PostgreSQL data set only with --million
// (seeding it takes minutes the first time; it stays in its own database afterwards).

export const SCENARIOS = ['gateways', 'live', 'mixed', 'growth'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface ScenarioArgs {
  scenarios: Set<Scenario>;
  million: boolean;
}

export function parseScenarioArgs(argv: string[] = process.argv.slice(2)): ScenarioArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', multiple: true },
      million: { type: 'boolean', default: false },
    },
  });
  const asked = values.scenario ?? [...SCENARIOS];
  const unknown = asked.filter((s) => !SCENARIOS.includes(s as Scenario));
  if (unknown.length) {
    throw new Error(`unknown scenario ${unknown.join(', ')}: choose from ${SCENARIOS.join(', ')}`);
  }
  return { scenarios: new Set(asked as Scenario[]), million: values.million ?? false };
}
