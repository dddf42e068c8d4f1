import type { ParsedMail} from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './freePort';

export interface TestSmtpServer {
  port: number;
  url: string;
  /** Messages the server accepted (answered 250), parsed, in order. */
  mails: ParsedMail[];
  /** Every message whose data arrived, accepted or held, in order. */
  attempts: ParsedMail[];
  /** The recipients of each accepted message. */
  envelopes: string[][];
  close(): Promise<void>;
}

/**
 * An in-process SMTP server that parses what it is handed; no STARTTLS (no certificate to trust).
 * `acknowledgeAfterMs`: a slow server, answering 250 that long after the data. `hold(mail)` true: the message is never acknowledged, as if the server stalled after the data
 * (the sender waits, and a sender that dies meanwhile has delivered nothing).
 */
export async function startSmtpServer(options: { hold?: (mail: ParsedMail) => boolean; acknowledgeAfterMs?: number } = {}): Promise<TestSmtpServer> {
  const mails: ParsedMail[] = [];
  const attempts: ParsedMail[] = [];
  const envelopes: string[][] = [];
  const held: ((error: Error) => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        attempts.push(mail);
        if (options.hold?.(mail)) {
          held.push(callback);
          return;
        }
        const accept = () => {
          envelopes.push(session.envelope.rcptTo.map((r) => r.address));
          mails.push(mail);
          callback();
        };
        if (options.acknowledgeAfterMs) setTimeout(accept, options.acknowledgeAfterMs);
        else accept();
      }, callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    attempts,
    envelopes,
    close: () =>
      new Promise<void>((resolve) => {
        held.splice(0).forEach((reject) => reject(new Error('test server closing')));
        server.close(() => resolve());
      }),
  };
}
