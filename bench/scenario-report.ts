import { GROWTH_OPERATIONS, type GrowthResult } from './data-growth';
import type { MixedResult } from './mixed-load';

// The markdown of the mixed-load and growth scenarios (report.ts prints the gateway comparison).

export function renderMixed(mixed: MixedResult): string[] {
  const cpu = Object.entries(mixed.cpuMsPerRequest)
    .map(([name, ms]) => `${name} ${ms}`)
    .join(', ');
  const total = Object.values(mixed.cpuMsPerRequest).reduce((a, b) => a + b, 0);
  const idle = Object.entries(mixed.idleCpuMsPerSecond)
    .map(([name, ms]) => `${name} ${ms}`)
    .join(', ');
  return [
    `Mixed load: ${mixed.connections} connections for ${mixed.seconds} s, ` +
      `${mixed.requestsPerSecond} req/s in all, with ${mixed.live.connected}/${mixed.live.subscribers} ` +
      'live subscribers connected (graphql-ws, CaseEvents through our gateway).',
    '',
    '| operation | share % | requests | errors | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...mixed.operations.map(
      (o) =>
        `| ${o.operation} | ${o.weight} | ${o.requests} | ${o.errors} | ${o.p50Ms} | ${o.p99Ms} |`,
    ),
    '',
    `- Live under that load: ${mixed.live.events} events, ${mixed.live.deliveries} deliveries, ` +
      `${mixed.live.missed} missed; delivery p50 ${mixed.live.p50Ms} ms, p99 ${mixed.live.p99Ms} ms.`,
    `- CPU ms per request (deliveries included): ${cpu}; ${Math.round(total * 100) / 100} in all.`,
    `- CPU ms per second with the subscribers connected and no requests: ${idle}.`,
    ...mixed.errorSamples.map((s) => `- error: ${s}`),
  ];
}

export function renderGrowth(growth: GrowthResult): string[] {
  const [base, ...others] = growth.sizes;
  if (!base) return [];
  const pgBase = growth.sizes.find((s) => s.label.startsWith('20,000') && s !== base);
  const ratio = (a: number | undefined, b: number | undefined) =>
    a && b ? `${(a / b).toFixed(2)}x` : '-';
  const largest = others.at(-1);
  const header = [
    'operation',
    ...growth.sizes.map((s) => `${s.label} p50 ms`),
    ...(largest ? [`${largest.label} / ${base.label}`] : []),
    ...(largest && pgBase && pgBase !== largest ? [`${largest.label} / ${pgBase.label}`] : []),
  ];
  const cpuHeader = ['operation', ...growth.sizes.map((s) => `${s.label} CPU ms/request`)];
  return [
    'Cost as the work grows: one client, one request at a time, 50 viewers in turn.',
    '',
    `| ${header.join(' | ')} |`,
    `| --- |${' ---: |'.repeat(header.length - 1)}`,
    ...GROWTH_OPERATIONS.map((op) => {
      const cells = [
        op,
        ...growth.sizes.map((s) => String(s.p50Ms[op] ?? '-')),
        ...(largest ? [ratio(largest.p50Ms[op], base.p50Ms[op])] : []),
        ...(largest && pgBase && pgBase !== largest
          ? [ratio(largest.p50Ms[op], pgBase.p50Ms[op])]
          : []),
      ];
      return `| ${cells.join(' | ')} |`;
    }),
    '',
    "CPU of the gateway and the three subgraphs per request in the same phases (PostgreSQL's own not counted):",
    '',
    `| ${cpuHeader.join(' | ')} |`,
    `| --- |${' ---: |'.repeat(cpuHeader.length - 1)}`,
    ...GROWTH_OPERATIONS.map(
      (op) =>
        `| ${[op, ...growth.sizes.map((s) => String(s.cpuMsPerRequest[op] ?? '-'))].join(' | ')} |`,
    ),
  ];
}
