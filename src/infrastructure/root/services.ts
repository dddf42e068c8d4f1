import { LoginThrottle } from '../../application/auth/LoginThrottle';
import { SessionTokens } from '../../application/auth/SessionTokens';
import { ImageUploads } from '../../application/catalogue/ImageUploads';
import type { ImageUrlPolicy } from '../../application/catalogue/ImageUrls';
import { ImageUrls } from '../../application/catalogue/ImageUrls';
import { TourViews } from '../../application/catalogue/TourViews';
import { PaymentCheckout } from '../../application/payments/PaymentCheckout';
import { PaymentSettlement } from '../../application/payments/PaymentSettlement';
import { RefundSettlement } from '../../application/payments/RefundSettlement';
import { ApplyGatewayEvent } from '../../application/webhooks/ApplyGatewayEvent';
import type { CallbackUrls } from '../../application/ports/PaymentGateway';
import type { Ports } from '../../application/ports/Ports';
import type { Config } from '../config/Config';
import type { Factories } from './lazy';

/** What several use cases share, made once: no driving adapter calls these. */
export interface Services {
  sessionTokens: SessionTokens;
  loginThrottle: LoginThrottle;
  imageUploads: ImageUploads;
  imageUrls: ImageUrls;
  tourViews: TourViews;
  paymentCheckout: PaymentCheckout;
  paymentSettlement: PaymentSettlement;
  refundSettlement: RefundSettlement;
  applyGatewayEvent: ApplyGatewayEvent;
}

/**
 * Image URLs stay valid at least 6 hours (a browsing session, not forever) and are the same for a
 * whole hour, so browsers cache the images (docs/adr/0010-existing-front-ends.md).
 */
export const IMAGE_URL_POLICY: ImageUrlPolicy = { ttlSeconds: 6 * 3600, windowSeconds: 3600 };

/** Where gateways send customers and notices back: the `/payment/*` routes of this API. */
export function callbackUrls(config: Config): CallbackUrls {
  const base = `${config.publicUrl}/api/v1/payment`;
  return { success: `${base}/success`, fail: `${base}/fail`, cancel: `${base}/cancel`, ipn: `${base}/validate-payment` };
}

export function services(config: Config, p: Ports): Factories<Services> {
  const loginLimits = { perAddressAndEmail: config.rateLimits.loginPerEmail, windowMs: 15 * 60_000, lockAfter: config.rateLimits.loginLockAfter };
  return {
    sessionTokens: () => new SessionTokens(p.sessionRepository, p.accessTokens, p.secretTokens, p.idGenerator, p.clock, config.auth.refreshTtlMs),
    loginThrottle: () => new LoginThrottle(p.rateLimiter, loginLimits, p.logger),
    imageUploads: () => new ImageUploads(p.objectStorage, p.idGenerator, p.logger),
    imageUrls: () => new ImageUrls(p.objectStorage, p.clock, IMAGE_URL_POLICY),
    tourViews: (s) => new TourViews(p.catalogueReads, s.imageUrls, p.clock),
    paymentCheckout: () => new PaymentCheckout(p.paymentGateway, p.paymentRepository, p.idGenerator, p.clock, p.unitOfWork, callbackUrls(config)),
    paymentSettlement: () => new PaymentSettlement(p.paymentGateway, p.paymentRepository, p.bookingRepository, p.jobQueue, p.idGenerator, p.clock),
    applyGatewayEvent: (s) => new ApplyGatewayEvent(s.paymentSettlement, s.refundSettlement, p.unitOfWork),
    refundSettlement: () => new RefundSettlement(p.paymentGateway, p.paymentRepository, p.refundRepository, p.bookingRepository, p.jobQueue, p.idGenerator, p.clock),
  };
}
