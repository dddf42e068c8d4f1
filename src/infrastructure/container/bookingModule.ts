import { ContainerModule } from 'inversify';
import { ChangeBookingStatus } from '../../application/bookings/ChangeBookingStatus';
import { CreateBooking } from '../../application/bookings/CreateBooking';
import { ExpireHolds } from '../../application/bookings/ExpireHolds';
import { GetBooking } from '../../application/bookings/GetBooking';
import { ListBookings } from '../../application/bookings/ListBookings';
import { ImageUrls } from '../../application/catalogue/ImageUrls';
import { ListJobs } from '../../application/jobs/ListJobs';
import { PurgeDeadJobs } from '../../application/jobs/PurgeDeadJobs';
import { RetryJob } from '../../application/jobs/RetryJob';
import { ConfirmPayment } from '../../application/payments/ConfirmPayment';
import { GetPayment } from '../../application/payments/GetPayment';
import { InitPayment } from '../../application/payments/InitPayment';
import { PaymentCheckout } from '../../application/payments/PaymentCheckout';
import { ReconcilePayments } from '../../application/payments/ReconcilePayments';
import { SendBookingConfirmation } from '../../application/payments/SendBookingConfirmation';
import { CallbackUrls, PaymentGateway } from '../../application/ports/PaymentGateway';
import { TOKENS as T } from '../../application/ports/tokens';
import { Config } from '../config/Config';
import { TypeOrmJobQueue } from '../jobs/TypeOrmJobQueue';
import { TypeOrmJobStore } from '../jobs/TypeOrmJobStore';
import { SandboxGateway } from '../payment/SandboxGateway';
import { SslCommerzGateway } from '../payment/SslCommerzGateway';
import { Database } from '../persistence/Database';
import { TypeOrmBookingRepository } from '../persistence/repositories/TypeOrmBookingRepository';
import { TypeOrmPaymentRepository } from '../persistence/repositories/TypeOrmPaymentRepository';
import { single } from './bindings';

/** Where gateways send customers and notices back: the `/payment/*` routes of this API. */
export function callbackUrls(config: Config): CallbackUrls {
  const base = `${config.publicUrl}/api/v1/payment`;
  return { success: `${base}/success`, fail: `${base}/fail`, cancel: `${base}/cancel`, ipn: `${base}/validate-payment` };
}

export function paymentGatewayName(config: Config): string {
  return config.payment.sslcommerz ? `SSLCommerz (${config.payment.sslcommerz.baseUrl})` : `built-in sandbox (${config.publicUrl}/api/v1/sandbox/checkout)`;
}

export function bookingModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    single(bind, T.BookingRepository, (c) => new TypeOrmBookingRepository(c.get(Database)));
    single(bind, T.PaymentRepository, (c) => new TypeOrmPaymentRepository(c.get(Database)));
    single(bind, T.JobQueue, (c) => new TypeOrmJobQueue(c.get(Database), c.get(T.IdGenerator), c.get(T.Clock)));
    single(bind, T.JobStore, (c) => new TypeOrmJobStore(c.get(Database)));

    const sslcommerz = config.payment.sslcommerz;
    if (sslcommerz) {
      single(bind, T.PaymentGateway, () => new SslCommerzGateway(sslcommerz));
    } else {
      single(bind, SandboxGateway, (c) =>
        new SandboxGateway(c.get(Database), config.secrets.sandboxGateway, `${config.publicUrl}/api/v1/sandbox/checkout`, c.get(T.IdGenerator), c.get(T.Clock)));
      single(bind, T.PaymentGateway, (c) => c.get(SandboxGateway));
      single(bind, T.SandboxCheckout, (c) => c.get(SandboxGateway));
    }

    single(bind, PaymentCheckout, (c) =>
      new PaymentCheckout(c.get<PaymentGateway>(T.PaymentGateway), c.get(T.PaymentRepository), c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork), callbackUrls(config)));
    single(bind, CreateBooking, (c) =>
      new CreateBooking(c.get(T.UserRepository), c.get(T.BookingRepository), c.get(T.PaymentRepository), c.get(PaymentCheckout), c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork), config.business.holdMinutes));
    single(bind, ExpireHolds, (c) => new ExpireHolds(c.get(T.BookingRepository), c.get(T.Clock), c.get(T.UnitOfWork)));
    single(bind, GetBooking, (c) => new GetBooking(c.get(T.BookingRepository), c.get(ImageUrls)));
    single(bind, ListBookings, (c) => new ListBookings(c.get(T.BookingRepository), c.get(ImageUrls)));
    single(bind, ChangeBookingStatus, (c) => new ChangeBookingStatus(c.get(T.BookingRepository), c.get(T.Clock), c.get(T.UnitOfWork)));
    single(bind, InitPayment, (c) =>
      new InitPayment(c.get(T.BookingRepository), c.get(T.PaymentRepository), c.get(T.UserRepository), c.get(PaymentCheckout), c.get(T.Clock), c.get(T.UnitOfWork)));
    single(bind, ConfirmPayment, (c) =>
      new ConfirmPayment(c.get(T.PaymentGateway), c.get(T.PaymentRepository), c.get(T.BookingRepository), c.get(T.JobQueue), c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork), c.get(T.Logger)));
    single(bind, ReconcilePayments, (c) => new ReconcilePayments(c.get(T.PaymentRepository), c.get(ConfirmPayment), c.get(T.Clock)));
    single(bind, GetPayment, (c) => new GetPayment(c.get(T.PaymentRepository), c.get(T.BookingRepository), c.get(T.InvoiceRepository)));
    single(bind, SendBookingConfirmation, (c) =>
      new SendBookingConfirmation(c.get(T.PaymentRepository), c.get(T.BookingRepository), c.get(T.Mailer), c.get(T.TemplateRenderer), c.get(T.Clock), c.get(T.UnitOfWork), config.frontendUrl));
    single(bind, ListJobs, (c) => new ListJobs(c.get(T.JobStore)));
    single(bind, RetryJob, (c) => new RetryJob(c.get(T.JobStore), c.get(T.Clock), c.get(T.UnitOfWork)));
    single(bind, PurgeDeadJobs, (c) => new PurgeDeadJobs(c.get(T.JobStore), c.get(T.Clock), c.get(T.UnitOfWork)));
  });
}
