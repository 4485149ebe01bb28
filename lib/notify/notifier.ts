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

/** Production: SMTP through nodemailer. Phone numbers go to an SMS gateway's mail address. */
export function createSmtpNotifier(url: string, from: string): Notifier {
  const transport = nodemailer.createTransport(url);
  return {
    async send({ to, subject, body }) {
      await transport.sendMail({ from, to, subject, text: body });
    },
  };
}

export function createNotifier(config: NotifierConfig): Notifier {
  return config.kind === 'smtp'
    ? createSmtpNotifier(config.url, config.from)
    : createOutboxNotifier(config.path);
}
