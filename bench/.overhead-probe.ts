import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGatewayConfig } from '../gateway/config';
import { ensureDevJwtKey } from '../lib/config/dev-secrets';
import { signDevToken } from '../lib/config/dev-token';
const operation = (name: string) => readFileSync(join('contract', 'operations', `${name}.graphql`), 'utf8');
const OPERATIONS = [
  { name: 'SupportPicture', query: operation('support-picture'), variables: { organizationId: 'org-contoso' }, email: 'alice@contoso.example' },
  { name: 'PartnerDashboard', query: operation('partner-dashboard'), variables: {}, email: 'agent@litware.example' },
];
const cpuMs = () => {
  const f = readFileSync(`/proc/${process.env.GW_PID}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const p50 = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function main() {
  const gw = loadGatewayConfig(process.env);
  const key = await ensureDevJwtKey(gw.jwt.devKeyFile);
  for (const op of OPERATIONS) {
    const token = await signDevToken(key, { email: op.email, issuer: gw.jwt.issuer, audience: gw.jwt.audience });
    const body = JSON.stringify({ query: op.query, variables: op.variables });
    const times: number[] = [];
    let cpu0 = 0; let text = '';
    for (let i = 0; i < 520; i++) {
      if (i === 20) cpu0 = cpuMs();
      const t = performance.now();
      const r = await fetch('http://127.0.0.1:4100/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      text = await r.text();
      if (i >= 20) times.push(performance.now() - t);
    }
    if (text.includes('"errors"')) console.log('ERRORS', text.slice(0, 300));
    console.log(op.name, 'gateway p50', p50(times).toFixed(1), 'CPU ms/request', ((cpuMs() - cpu0) / 500).toFixed(1));
  }
}
void main();
