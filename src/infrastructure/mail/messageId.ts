import { createHash } from 'node:crypto';

const SAFE_KEY = /^[A-Za-z0-9._-]{1,200}$/;

/** A key as a file-name and Message-ID safe token: itself when it already is one, else its SHA-256. */
export function keyToken(key: string): string {
  return SAFE_KEY.test(key) ? key : createHash('sha256').update(key).digest('hex');
}

/**
 * The Message-ID of the message known by `key` (e.g. `booking-confirmation.<paymentId>`), at the domain of the
 * sender: the same on every retry, so whoever receives it twice can tell it is one message.
 */
export function messageIdFor(key: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'tourdesk.local';
  return `<${keyToken(key)}@${domain}>`;
}
