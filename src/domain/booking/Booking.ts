import { ERROR_CODES } from '../shared/errorCatalogue';
import { Conflict, ValidationFailed } from '../shared/errors';
import type { Money } from '../shared/Money';

export const BOOKING_STATUSES = ['PENDING', 'COMPLETE', 'CANCEL', 'FAILED', 'EXPIRED'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** The only moves a booking makes; every terminal state stays put. */
const NEXT: Record<BookingStatus, readonly BookingStatus[]> = {
  PENDING: ['COMPLETE', 'CANCEL', 'FAILED', 'EXPIRED'],
  COMPLETE: [],
  CANCEL: [],
  FAILED: [],
  EXPIRED: [],
};

/** Amounts live in `int` columns. */
const MAX_AMOUNT_MINOR = 2_147_483_647;

export interface BookingProps {
  id: string;
  userId: string;
  tourId: string;
  guestCount: number;
  status: BookingStatus;
  /** Until then a PENDING booking holds its seats. */
  expiresAt: Date;
  /** guests × the tour's price when the booking was made; later price changes do not touch it. */
  amount: Money;
  createdAt: Date;
  updatedAt: Date;
}

export class Booking {
  private constructor(private props: BookingProps) {}

  static hold(input: { id: string; userId: string; tourId: string; guestCount: number; unitPrice: Money; now: Date; holdMs: number }): Booking {
    if (!Number.isSafeInteger(input.guestCount) || input.guestCount < 1) {
      throw ValidationFailed.field('guestCount', 'must be a positive integer');
    }
    const amount = input.unitPrice.times(input.guestCount);
    if (amount.minor > MAX_AMOUNT_MINOR) throw ValidationFailed.field('guestCount', 'makes the total too large');
    return new Booking({
      id: input.id,
      userId: input.userId,
      tourId: input.tourId,
      guestCount: input.guestCount,
      status: 'PENDING',
      expiresAt: new Date(input.now.getTime() + input.holdMs),
      amount,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  static restore(props: BookingProps): Booking {
    return new Booking({ ...props });
  }

  static canMove(from: BookingStatus, to: BookingStatus): boolean {
    return NEXT[from].includes(to);
  }

  get id(): string { return this.props.id; }
  get userId(): string { return this.props.userId; }
  get tourId(): string { return this.props.tourId; }
  get guestCount(): number { return this.props.guestCount; }
  get status(): BookingStatus { return this.props.status; }
  get expiresAt(): Date { return this.props.expiresAt; }
  get amount(): Money { return this.props.amount; }
  get createdAt(): Date { return this.props.createdAt; }
  get updatedAt(): Date { return this.props.updatedAt; }

  toProps(): BookingProps {
    return { ...this.props };
  }

  /** Whether the seats are still held for this booking at `now`. */
  holdsSeats(now: Date): boolean {
    return this.props.status === 'COMPLETE' || (this.props.status === 'PENDING' && now.getTime() < this.props.expiresAt.getTime());
  }

  isOwnedBy(userId: string): boolean {
    return this.props.userId === userId;
  }

  complete(now: Date): void { this.moveTo('COMPLETE', now); }
  cancel(now: Date): void { this.moveTo('CANCEL', now); }
  fail(now: Date): void { this.moveTo('FAILED', now); }

  /**
   * Everything paid for it was given back: the booking is cancelled and its seats are free again.
   * The only way out of COMPLETE (an admin cannot simply cancel a paid booking). False when it
   * holds no seats any more (already failed, cancelled or expired): nothing to release.
   */
  cancelForRefund(now: Date): boolean {
    if (this.props.status !== 'COMPLETE' && this.props.status !== 'PENDING') return false;
    this.props.status = 'CANCEL';
    this.props.updatedAt = now;
    return true;
  }

  expire(now: Date): void {
    if (this.props.status === 'PENDING' && now.getTime() < this.props.expiresAt.getTime()) {
      throw new Conflict('The hold on this booking has not lapsed yet', ERROR_CODES.BOOKING.HOLD_NOT_LAPSED);
    }
    this.moveTo('EXPIRED', now);
  }

  /** Any allowed transition by name, as an admin asks for it. */
  moveTo(status: BookingStatus, now: Date): void {
    if (!Booking.canMove(this.props.status, status)) {
      throw new Conflict(`A ${this.props.status} booking cannot become ${status}`, ERROR_CODES.BOOKING.INVALID_TRANSITION);
    }
    this.props.status = status;
    this.props.updatedAt = now;
  }

  assertPayable(now: Date): void {
    if (this.props.status !== 'PENDING') throw new Conflict(`A ${this.props.status} booking cannot be paid`, ERROR_CODES.BOOKING.NOT_PAYABLE);
    if (now.getTime() >= this.props.expiresAt.getTime()) throw new Conflict('The hold on this booking has lapsed; book again', ERROR_CODES.BOOKING.HOLD_LAPSED);
  }
}
