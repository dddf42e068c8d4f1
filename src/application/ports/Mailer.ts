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
}

/** Delivers one message or throws DependencyUnavailable. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}
