import type { RotatingResult } from './rotating-scenario';

// The headline table: rotating viewers, with CPU per request per process and the two ratios the
// targets are stated in (our gateway's CPU against Hive Gateway's; the current stack against the
// baseline ref measured in the same run).

const NAMES: Record<string, string> = {
  ours: 'our gateway',
  'ours-unshared': 'our gateway, no fetch sharing',
  plain: 'plain @apollo/gateway',
  hive: 'Hive Gateway',
  baseline: 'our gateway + subgraphs at the baseline ref',
};

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a && b ? `${(a / b).toFixed(2)}x` : '-';

export function renderRotating(
  rotating: RotatingResult[],
  baselineCommit: string | null,
): string[] {
  if (rotating.length === 0) return [];
  const find = (gateway: string, operation: string) =>
    rotating.find((r) => r.gateway === gateway && r.operation === operation);
  const lines = [
    `Rotating viewers (the headline: every request another viewer's, so fetch sharing cannot merge them)${
      baselineCommit ? `; baseline ref ${baselineCommit.slice(0, 7)}` : ''
    }. CPU is ms per request from /proc, under the load and with one client.`,
    '',
    '| operation | target | viewers | req/s | p50 ms | p99 ms | errors | gateway CPU | subgraphs CPU | 1-client p50 ms | 1-client gateway CPU | 1-client subgraphs CPU | gateway CPU vs Hive | subgraphs CPU vs baseline | 1-client p50 vs baseline |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rotating) {
    const hive = find('hive', r.operation);
    const base = r.gateway === 'ours' ? find('baseline', r.operation) : undefined;
    lines.push(
      `| ${r.operation} | ${NAMES[r.gateway] ?? r.gateway} | ${r.viewers} | ${r.requestsPerSecond} | ` +
        `${r.p50Ms} | ${r.p99Ms} | ${r.errors} | ${r.gatewayCpuMs} | ${r.subgraphsCpuMs} | ` +
        `${r.singleClientP50Ms ?? '-'} | ${r.singleClientGatewayCpuMs ?? '-'} | ` +
        `${r.singleClientSubgraphsCpuMs ?? '-'} | ` +
        `${r.gateway === 'hive' ? '-' : ratio(r.gatewayCpuMs, hive?.gatewayCpuMs)} | ` +
        `${ratio(r.subgraphsCpuMs, base?.subgraphsCpuMs)} | ` +
        `${ratio(r.singleClientP50Ms, base?.singleClientP50Ms)} |`,
    );
  }
  lines.push(
    '',
    'Subgraph CPU ms per request, accounts / billing / cases (under the load; one client):',
    '',
  );
  for (const r of rotating) {
    const one = r.singleClientEachSubgraphCpuMs?.join(' / ') ?? '-';
    lines.push(
      `- ${r.operation}, ${NAMES[r.gateway] ?? r.gateway}: ${r.eachSubgraphCpuMs.join(' / ')}; ${one}`,
    );
  }
  return lines;
}
