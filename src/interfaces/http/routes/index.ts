import type { RouteDef } from '../route';
import type { AuthRoutesDependencies } from './authRoutes';
import { authRoutes } from './authRoutes';
import type { BookingRoutesDependencies } from './bookingRoutes';
import { bookingRoutes } from './bookingRoutes';
import type { DivisionRoutesDependencies } from './divisionRoutes';
import { divisionRoutes } from './divisionRoutes';
import type { GoogleAuthRoutesDependencies } from './googleAuthRoutes';
import { googleAuthRoutes } from './googleAuthRoutes';
import type { InvoiceRoutesDependencies } from './invoiceRoutes';
import { invoiceRoutes } from './invoiceRoutes';
import type { OtpRoutesDependencies } from './otpRoutes';
import { otpRoutes } from './otpRoutes';
import type { PaymentRoutesDependencies } from './paymentRoutes';
import { paymentRoutes } from './paymentRoutes';
import type { SandboxRoutesDependencies } from './sandboxRoutes';
import { sandboxRoutes } from './sandboxRoutes';
import type { StatsRoutesDependencies } from './statsRoutes';
import { statsRoutes } from './statsRoutes';
import type { TourRoutesDependencies } from './tourRoutes';
import { tourRoutes } from './tourRoutes';
import type { TourTypeRoutesDependencies } from './tourTypeRoutes';
import { tourTypeRoutes } from './tourTypeRoutes';
import type { UserRoutesDependencies } from './userRoutes';
import { userRoutes } from './userRoutes';

/** What all route modules together are handed; each takes its own part of it. */
export type RouteDependencies = AuthRoutesDependencies & GoogleAuthRoutesDependencies & UserRoutesDependencies & OtpRoutesDependencies
  & DivisionRoutesDependencies & TourTypeRoutesDependencies & TourRoutesDependencies & BookingRoutesDependencies & InvoiceRoutesDependencies
  & PaymentRoutesDependencies & SandboxRoutesDependencies & StatsRoutesDependencies;

/** Every API route module. Add new ones here; the OpenAPI document follows automatically. */
export const routeModules: ((dependencies: RouteDependencies) => RouteDef[])[] = [
  authRoutes, googleAuthRoutes, userRoutes, otpRoutes, divisionRoutes, tourTypeRoutes, tourRoutes, bookingRoutes, invoiceRoutes, paymentRoutes, sandboxRoutes, statsRoutes,
];
