import { z } from 'zod';
import { parseEnv } from './env';

// Tracing is configured with the standard OpenTelemetry variables, so operators reuse what they
// know, with one deliberate difference: it is off unless OTEL_TRACES_EXPORTER names an exporter
// (the OpenTelemetry default would be "otlp", sending to localhost:4318 from every process).

export interface TelemetryConfig {
  exporter: 'none' | 'otlp' | 'console';
  serviceName: string;
  /** OTLP/HTTP (JSON) traces endpoint, when the exporter is otlp. */
  tracesUrl: string;
}

const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

const schema = z.object({
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).default('false'),
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp', 'console']).default('none'),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().default(DEFAULT_OTLP_ENDPOINT),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
});

export function loadTelemetryConfig(
  env: NodeJS.ProcessEnv,
  defaultServiceName: string,
): TelemetryConfig {
  const c = parseEnv(schema, env, 'telemetry');
  return {
    exporter: c.OTEL_SDK_DISABLED === 'true' ? 'none' : c.OTEL_TRACES_EXPORTER,
    serviceName: c.OTEL_SERVICE_NAME ?? defaultServiceName,
    // As the specification says: the signal-specific URL is used as is, the base one gets the path.
    tracesUrl:
      c.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
      `${c.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`,
  };
}
