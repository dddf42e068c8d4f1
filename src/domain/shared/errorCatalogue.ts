/**
 * How each kind of failure is answered at the edges: the HTTP status and the admin CLI's exit code.
 * The one table both read; anything that is not a DomainError is a 500 and exit code 1.
 */
export const ERROR_KINDS = {
  invalid: { status: 400, exitCode: 2 },
  unauthenticated: { status: 401, exitCode: 3 },
  forbidden: { status: 403, exitCode: 3 },
  notFound: { status: 404, exitCode: 4 },
  conflict: { status: 409, exitCode: 5 },
  unsupportedMediaType: { status: 415, exitCode: 2 },
  rateLimited: { status: 429, exitCode: 6 },
  unavailable: { status: 503, exitCode: 7 },
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;

type Entry = readonly [kind: ErrorKind, meaning: string];

/**
 * Every code a client, an operator or a log line may see, each once, grouped by area: `AUTH.NO_TOKEN`
 * is `ERROR_CODES.AUTH.NO_TOKEN`. The kind fixes which error class may carry it (checked by the
 * compiler) and so its status and exit code. docs/API.md lists them all (test/docs checks it).
 */
const CATALOGUE = {
  VALIDATION_FAILED: ['invalid', 'input failed validation; `errorSources` names the fields'],
  CONFLICT: ['conflict', 'a conflict with no more specific code (the default; the service names a specific one)'],
  RATE_LIMITED: ['rateLimited', 'too many requests; wait `Retry-After` seconds'],
  DEPENDENCY_UNAVAILABLE: ['unavailable', 'a service did not answer, or a change lost the database\'s lock races after its retries'],
  REQUEST: {
    UNSUPPORTED_MEDIA_TYPE: ['unsupportedMediaType', 'the body\'s content type is not one the route takes'],
  },
  AUTH: {
    UNAUTHENTICATED: ['unauthenticated', 'authentication required: the account behind the session is gone'],
    NO_TOKEN: ['unauthenticated', '`You are not logged in`'],
    TOKEN_INVALID: ['unauthenticated', 'the access token is malformed, forged or for an unknown role'],
    TOKEN_EXPIRED: ['unauthenticated', 'message exactly `jwt expired`'],
    SESSION_ENDED: ['unauthenticated', 'the token\'s session was revoked (logout, logout-all, password change or reset), or the account was blocked, deleted or changed role'],
    INVALID_CREDENTIALS: ['unauthenticated', '`Invalid email or password` (the same for an unknown email and a wrong password)'],
    REFRESH_INVALID: ['unauthenticated', 'unknown, expired or revoked refresh token'],
    REFRESH_REUSED: ['unauthenticated', 'an already-rotated refresh token was presented: its whole session family is revoked'],
    GOOGLE_STATE_INVALID: ['unauthenticated', 'Google sign-in: the sign-in request is unknown or expired'],
    GOOGLE_DENIED: ['unauthenticated', 'Google sign-in: Google did not sign the user in'],
    GOOGLE_CODE_REJECTED: ['unauthenticated', 'Google sign-in: Google refused the authorization code'],
    GOOGLE_ID_TOKEN_INVALID: ['unauthenticated', 'Google sign-in: the ID token failed verification'],
    RESET_TOKEN_INVALID: ['invalid', 'the reset token is unknown, used, expired, or not for `id`'],
    FORBIDDEN: ['forbidden', 'the caller\'s role may not use the route'],
    CROSS_SITE_REQUEST: ['forbidden', 'a cookie-authenticated POST, PUT, PATCH or DELETE without `Origin` (or `Referer`) of `FRONTEND_URL`, `PUBLIC_URL` or `CSRF_TRUSTED_ORIGINS`'],
    ACCOUNT_LOCKED: ['forbidden', '`LOGIN_LOCKOUT_AFTER` failed logins on the account: a password reset unlocks it'],
    GOOGLE_EMAIL_UNVERIFIED: ['forbidden', 'Google has not verified the email'],
  },
  OTP: {
    INVALID: ['invalid', '`Invalid or expired code`: wrong, expired or burned (5 wrong tries) verification code'],
  },
  USER: {
    NOT_VERIFIED: ['forbidden', '`User is not verified` (login with the right password)'],
    BLOCKED: ['forbidden', 'the account may not log in (only after the password matched)'],
    INACTIVE: ['forbidden', 'the account may not log in (only after the password matched)'],
    DELETED: ['forbidden', 'the account may not log in (only after the password matched)'],
    NOT_FOUND: ['notFound', 'no such user visible to the caller'],
    ALREADY_EXISTS: ['conflict', 'the email is taken'],
    PASSWORD_ALREADY_SET: ['conflict', '`POST /auth/set-password` on an account that has a password'],
    GOOGLE_ACCOUNT_MISMATCH: ['conflict', 'the email is linked to another Google account'],
  },
  DIVISION: {
    NOT_FOUND: ['notFound', 'no such division'],
    ALREADY_EXISTS: ['conflict', 'the name is taken'],
    IN_USE: ['conflict', 'tours still reference it'],
  },
  TOUR_TYPE: {
    NOT_FOUND: ['notFound', 'no such tour type'],
    ALREADY_EXISTS: ['conflict', 'the name is taken'],
    IN_USE: ['conflict', 'tours still reference it'],
  },
  TOUR: {
    NOT_FOUND: ['notFound', 'no such tour'],
    ALREADY_EXISTS: ['conflict', 'the id is taken (titles never collide: slugs get `-2`, `-3`)'],
    HAS_BOOKINGS: ['conflict', 'the tour has PENDING or COMPLETE bookings'],
    CAPACITY_BELOW_HELD: ['conflict', '`maxGuest` below the seats already held'],
  },
  BOOKING: {
    PROFILE_INCOMPLETE: ['invalid', '`Please Add Phone Number and Address In Your Profile For Booking!`'],
    TOUR_STARTED: ['invalid', 'the tour\'s start date has passed'],
    GUEST_COUNT_OUT_OF_RANGE: ['invalid', 'more guests than the tour takes at all'],
    CURRENCY_NOT_ACCEPTED: ['invalid', 'the tour is priced in a currency the configured payment gateway does not take'],
    USER_NOT_ALLOWED: ['forbidden', 'only verified, active accounts book'],
    OWNER_MAY_ONLY_CANCEL: ['forbidden', 'a traveller may only move their own booking to `CANCEL`'],
    NOT_FOUND: ['notFound', 'no such booking visible to the caller'],
    NOT_ENOUGH_SEATS: ['conflict', 'fewer seats left than asked'],
    INVALID_TRANSITION: ['conflict', 'the booking cannot make that move'],
    CHANGED_CONCURRENTLY: ['conflict', 'the booking moved while the change was being written'],
    HOLD_NOT_LAPSED: ['conflict', 'the booking\'s hold has not lapsed yet'],
    NOT_PAYABLE: ['conflict', '`init-payment` on a booking that is no longer PENDING'],
    HOLD_LAPSED: ['conflict', '`init-payment` on a booking whose hold lapsed'],
  },
  PAYMENT: {
    NOT_FOUND: ['notFound', 'no such payment visible to the caller'],
    NOT_UNPAID: ['conflict', '`init-payment` on a payment that is no longer UNPAID'],
    CHANGED_CONCURRENTLY: ['conflict', 'the payment moved while `init-payment` (or a confirmation) was writing, e.g. the IPN paid it first: nothing was written; reload'],
    AMOUNT_MISMATCH: ['conflict', 'the gateway vouched for another amount; the payment is not changed'],
    TRANSACTION_MISMATCH: ['conflict', 'the gateway vouched for another transaction; the payment is not changed'],
    INVALID_TRANSITION: ['conflict', 'the payment cannot make that move'],
    NOT_PAID: ['conflict', 'only a paid payment can be owed back'],
    ATTEMPT_SETTLED: ['conflict', 'the payment attempt already has its verdict'],
  },
  REFUND: {
    NOT_FOUND: ['notFound', 'no such refund'],
    PAYMENT_NOT_PAID: ['conflict', 'a refund of a payment that took no money (UNPAID, FAILED, CANCELLED)'],
    ALREADY_REFUNDED: ['conflict', 'the payment is refunded in full already, or a refund of the rest is under way (a second full refund)'],
    EXCEEDS_PAID: ['conflict', 'the amount is more than what is left to refund of the payment'],
    NOT_PENDING: ['conflict', 'the refund already has its outcome'],
    IDEMPOTENCY_KEY_REUSED: ['conflict', 'the `Idempotency-Key` was used for another payment or another amount'],
    OTHER_GATEWAY: ['conflict', 'the payment was taken through a gateway that is not the configured one'],
  },
  INVOICE: {
    NOT_FOUND: ['notFound', 'no invoice issued for the payment yet'],
    PDF_MISSING: ['conflict', 'the invoice cannot be served as issued: its PDF is missing'],
    AMOUNTS_INCONSISTENT: ['conflict', 'the invoice cannot be issued: its amounts do not add up'],
    PAYMENT_NOT_PAID: ['conflict', 'an invoice is issued only for a PAID (or REFUNDED) payment'],
    EXISTS: ['conflict', 'the payment already has an invoice (another worker reserved it first)'],
    BEING_ISSUED: ['conflict', 'another worker is issuing the invoice right now'],
    LEASE_LOST: ['conflict', 'another worker took the invoice over while it was being issued'],
    ALREADY_ISSUED: ['conflict', 'an issued invoice never changes'],
    NOT_ISSUED: ['conflict', 'the invoice is still a draft'],
  },
  CREDIT_NOTE: {
    NOT_FOUND: ['notFound', 'no such credit note visible to the caller, or not issued yet'],
    EXISTS: ['conflict', 'the refund already has a credit note (another worker reserved it first)'],
    BEING_ISSUED: ['conflict', 'another worker is issuing the credit note right now'],
    LEASE_LOST: ['conflict', 'another worker took the credit note over while it was being issued'],
    INVOICE_NOT_ISSUED: ['conflict', 'the invoice the credit note corrects is not issued yet (the job retries)'],
    REFUND_NOT_COMPLETED: ['conflict', 'only a COMPLETED refund gets a credit note'],
    PDF_MISSING: ['conflict', 'the credit note cannot be served as issued: its PDF is missing'],
  },
  WEBHOOK: {
    NOT_CONFIGURED: ['notFound', '`POST /payment/webhook/:gateway` for a gateway that is not the configured one: `not configured`'],
    SIGNATURE_INVALID: ['invalid', 'the delivery is unsigned, mis-signed or not vouched for by the gateway: nothing was stored'],
    NOT_FOUND: ['notFound', 'no such webhook delivery in the inbox (admin CLI)'],
  },
  CHECKOUT_SESSION: {
    NOT_FOUND: ['notFound', 'no such sandbox checkout'],
  },
  SANDBOX: {
    COMPLETED: ['conflict', 'the sandbox checkout was already completed'],
    SUPERSEDED: ['conflict', 'the sandbox checkout was replaced by a newer one for the same payment (`init-payment`): it takes no money'],
  },
  FILE: {
    NOT_FOUND: ['notFound', 'no such stored file'],
  },
  STORAGE: {
    LINK_INVALID: ['forbidden', 'a `/files/...` link is tampered with or expired'],
  },
  JOB: {
    NOT_DEAD: ['conflict', 'the job is not dead, or does not exist: only a dead job can be retried (admin CLI)'],
  },
  METRICS: {
    TOKEN_REQUIRED: ['unauthenticated', '`/metrics` needs `Authorization: Bearer <METRICS_TOKEN>`'],
  },
} as const satisfies Record<string, Entry | Record<string, Entry>>;

type Catalogue = typeof CATALOGUE;

/** One catalogue line with its full code. */
type Line<Code extends string, E> = E extends Entry ? { code: Code; kind: E[0] } : never;
type Lines = {
  [Area in keyof Catalogue]: Catalogue[Area] extends Entry
    ? Line<Area, Catalogue[Area]>
    : { [Name in keyof Catalogue[Area] & string]: Line<`${Area}.${Name}`, Catalogue[Area][Name]> }[keyof Catalogue[Area] & string];
}[keyof Catalogue];

export type ErrorCode = Lines['code'];
/** The codes an error of `kind` may carry. */
export type CodeOf<K extends ErrorKind> = Extract<Lines, { kind: K }>['code'];

type Codes = {
  [Area in keyof Catalogue]: Catalogue[Area] extends Entry
    ? Area
    : { [Name in keyof Catalogue[Area] & string]: `${Area & string}.${Name}` };
};

const isEntry = (value: Entry | Record<string, Entry>): value is Entry => Array.isArray(value);

/** The codes by area, to throw with: `new Conflict('…', ERROR_CODES.PAYMENT.NOT_UNPAID)`. */
export const ERROR_CODES = Object.fromEntries(
  Object.entries(CATALOGUE).map(([area, value]) => [
    area,
    isEntry(value) ? area : Object.fromEntries(Object.keys(value).map((name) => [name, `${area}.${name}`])),
  ]),
) as Codes;

export interface CatalogueLine {
  code: ErrorCode;
  kind: ErrorKind;
  meaning: string;
}

/** Every code with its kind and meaning, in catalogue order (for the API document and its test). */
export const ERROR_CATALOGUE: readonly CatalogueLine[] = Object.entries(CATALOGUE).flatMap(([area, value]: [string, Entry | Record<string, Entry>]) =>
  isEntry(value)
    ? [{ code: area as ErrorCode, kind: value[0], meaning: value[1] }]
    : Object.entries(value).map(([name, [kind, meaning]]) => ({ code: `${area}.${name}` as ErrorCode, kind, meaning })),
);
