// First: tracing (when on) must patch http, undici and graphql before they load.
import '../lib/telemetry/register';
import { createLogger } from '../lib/logging/logger';
import { flushTracing } from '../lib/telemetry/register';
import { loadGatewayConfig } from './config';
import { startGateway } from './server';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const log = createLogger('gateway', config.logLevel);
  const gateway = await startGateway(config, log);
  const stop = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await gateway.close();
    await flushTracing();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
