export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
  /**
   * Names this one message across retries (`booking-confirmation.<paymentId>`): every send under one key carries
   * the same Message-ID, so the receiving side can drop a repeat, and an outbox that can tell (the `.eml`
   * writer, the fake) delivers it once. Unset: every send is a new message.
   */
  idempotencyKey?: string;
}

/** Delivers one message or throws DependencyUnavailable. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}
