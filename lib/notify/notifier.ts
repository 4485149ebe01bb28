import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import nodemailer from 'nodemailer';

export interface Message {
  to: string;
  subject: string;
  body: string;
}

/** The one way notices (verification codes, ...) leave the system. */
export interface Notifier {
  send(message: Message): Promise<void>;
}

export type NotifierConfig =
  | { kind: 'outbox'; path: string }
  | { kind: 'smtp'; url: string; from: string };

/** Embedded default: one JSON line per message in data/outbox.jsonl, for people and tests to read. */
export function createOutboxNotifier(path: string): Notifier {
  return {
    async send(message) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify({ ...message, at: new Date().toISOString() })}\n`);
    },
  };
}

/**
 * A send gives up after this long, well inside the gateway's subgraph timeout (10 s) together
 * with the database wait (5 s): a sender waits inside its transaction, and must fail, and roll
 * back, before its caller is told the request failed, never commit after.
 */
const SMTP_SEND_TIMEOUT_MS = 4_000;

/** Production: SMTP through nodemailer. Phone numbers go to an SMS gateway's mail address. */
export function createSmtpNotifier(url: string, from: string): Notifier {
  // nodemailer's own defaults wait up to 2 minutes for a connection; the URL may still override.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: SMTP_SEND_TIMEOUT_MS,
    greetingTimeout: SMTP_SEND_TIMEOUT_MS,
    socketTimeout: SMTP_SEND_TIMEOUT_MS,
  });
  return {
    async send({ to, subject, body }) {
      await transport.sendMail({
        from,
        to,
        subject,
        text: body,
        signal: AbortSignal.timeout(SMTP_SEND_TIMEOUT_MS),
      });
    },
  };
}

export function createNotifier(config: NotifierConfig): Notifier {
  return config.kind === 'smtp'
    ? createSmtpNotifier(config.url, config.from)
    : createOutboxNotifier(config.path);
}
