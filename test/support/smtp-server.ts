import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

// A real SMTP server for tests (smtp-server, the Nodemailer project's): plain SMTP on a free
// port, keeping every message it accepts, and able to refuse like a failing mail server does.

export interface ReceivedMail {
  to: string[];
  /** The whole message as sent: headers and body. */
  raw: string;
}

export type SmtpFailure =
  /** Answers the connection with 421, as a server shutting down or overloaded. */
  | 'refuse-connections'
  /** Takes the message, then refuses it with 451 (local error in processing). */
  | 'refuse-messages'
  /** Accepts connections and never greets, as a server stuck under load. */
  | 'hang'
  | null;

export interface TestSmtpServer {
  url: string;
  messages: ReceivedMail[];
  fail(mode: SmtpFailure): void;
  stop(): Promise<void>;
}

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  let failure: SmtpFailure = null;
  const hanging: ((error: Error) => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      if (failure === 'refuse-connections') {
        return callback(smtpError(421, 'Service not available, try again later'));
      }
      if (failure === 'hang') return void hanging.push(callback);
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failure === 'refuse-messages') {
          return callback(smtpError(451, 'Local error in processing'));
        }
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    fail: (mode) => {
      failure = mode;
      // Connections left hanging are let go, or closing the server would wait for them.
      for (const release of hanging.splice(0)) release(smtpError(421, 'Closing'));
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
