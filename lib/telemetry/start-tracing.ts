import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
} from '@opentelemetry/sdk-trace-node';
import type { TelemetryConfig } from '../config/telemetry-config';

// The OpenTelemetry SDK, loaded only when tracing is on. Spans: HTTP in and out (node:http for the
// servers, undici for fetch, which carries `traceparent` from the gateway to the subgraphs),
// graphql-js parse/validate/execute in the subgraphs, and @apollo/gateway's own spans
// (gateway.request per operation, gateway.fetch per subgraph fetch), which it emits through the
// global OpenTelemetry API once a provider is registered.

const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

export interface Tracing {
  /** Exports the spans still buffered; call before the process exits. */
  shutdown(): Promise<void>;
}

export function startTracing(config: TelemetryConfig): Tracing {
  const exporter =
    config.exporter === 'console'
      ? new ConsoleSpanExporter()
      : new OTLPTraceExporter({ url: config.tracesUrl });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register(); // W3C trace context propagation, async-hooks context
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
      }),
      new UndiciInstrumentation(),
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
    ],
  });
  return { shutdown: () => provider.shutdown() };
}
