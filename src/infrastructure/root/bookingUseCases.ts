import { ChangeBookingStatus } from '../../application/bookings/ChangeBookingStatus';
import { CreateBooking } from '../../application/bookings/CreateBooking';
import { ExpireHolds } from '../../application/bookings/ExpireHolds';
import { GetBooking } from '../../application/bookings/GetBooking';
import { ListBookings } from '../../application/bookings/ListBookings';
import { ListJobs } from '../../application/jobs/ListJobs';
import { PurgeDeadJobs } from '../../application/jobs/PurgeDeadJobs';
import { RetryJob } from '../../application/jobs/RetryJob';
import { ConfirmPayment } from '../../application/payments/ConfirmPayment';
import { GetPayment } from '../../application/payments/GetPayment';
import { InitPayment } from '../../application/payments/InitPayment';
import { ReconcilePayments } from '../../application/payments/ReconcilePayments';
import { RefundPayment } from '../../application/payments/RefundPayment';
import { ListWebhooks } from '../../application/webhooks/ListWebhooks';
import { ReceiveWebhook } from '../../application/webhooks/ReceiveWebhook';
import { ReplayWebhook } from '../../application/webhooks/ReplayWebhook';
import { SendBookingConfirmation } from '../../application/payments/SendBookingConfirmation';
import type { Ports } from '../../application/ports/Ports';
import type { UseCases } from '../../application/UseCases';
import type { Config } from '../config/Config';
import type { Factories } from './lazy';
import type { Services } from './services';

type BookingUseCases = Pick<
  UseCases,
  | 'createBooking' | 'getBooking' | 'listBookings' | 'changeBookingStatus' | 'expireHolds'
  | 'initPayment' | 'confirmPayment' | 'reconcilePayments' | 'getPayment' | 'refundPayment' | 'receiveWebhook' | 'replayWebhook' | 'listWebhooks' | 'sendBookingConfirmation'
  | 'listJobs' | 'retryJob' | 'purgeDeadJobs'
>;

export function bookingUseCases(config: Config, p: Ports, s: Services): Factories<BookingUseCases, UseCases> {
  return {
    createBooking: () =>
      new CreateBooking(p.userRepository, p.bookingRepository, p.paymentRepository, s.paymentCheckout, p.idGenerator, p.clock, p.unitOfWork, config.business.holdMinutes),
    getBooking: () => new GetBooking(p.bookingRepository, s.imageUrls),
    listBookings: () => new ListBookings(p.bookingRepository, s.imageUrls),
    changeBookingStatus: () => new ChangeBookingStatus(p.bookingRepository, p.clock, p.unitOfWork),
    expireHolds: () => new ExpireHolds(p.bookingRepository, p.clock, p.unitOfWork),
    initPayment: () => new InitPayment(p.bookingRepository, p.paymentRepository, p.userRepository, s.paymentCheckout, p.clock, p.unitOfWork),
    confirmPayment: () => new ConfirmPayment(p.paymentGateway, p.paymentRepository, s.paymentSettlement, p.unitOfWork, p.logger),
    reconcilePayments: (u) => new ReconcilePayments(p.paymentRepository, u.confirmPayment, p.clock, p.refundRepository, s.refundSettlement, p.unitOfWork),
    refundPayment: () => new RefundPayment(p.paymentRepository, p.refundRepository, s.refundSettlement, p.paymentGateway.name, p.idGenerator, p.clock, p.unitOfWork, p.logger),
    receiveWebhook: () => new ReceiveWebhook(p.paymentGateway, p.webhookInbox, s.applyGatewayEvent, p.idGenerator, p.clock, p.unitOfWork, p.logger),
    replayWebhook: () => new ReplayWebhook(p.webhookInbox, s.applyGatewayEvent, p.clock, p.unitOfWork),
    listWebhooks: () => new ListWebhooks(p.webhookInbox),
    getPayment: () => new GetPayment(p.paymentRepository, p.bookingRepository, p.invoiceRepository),
    sendBookingConfirmation: () =>
      new SendBookingConfirmation(p.paymentRepository, p.bookingRepository, p.mailer, p.templateRenderer, p.clock, p.unitOfWork, config.frontendUrl),
    listJobs: () => new ListJobs(p.jobStore),
    retryJob: () => new RetryJob(p.jobStore, p.clock, p.unitOfWork),
    purgeDeadJobs: () => new PurgeDeadJobs(p.jobStore, p.clock, p.unitOfWork),
  };
}
