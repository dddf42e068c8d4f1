import { RouteDef } from '../route';
import { AuthRoutesDependencies, authRoutes } from './authRoutes';
import { BookingRoutesDependencies, bookingRoutes } from './bookingRoutes';
import { DivisionRoutesDependencies, divisionRoutes } from './divisionRoutes';
import { GoogleAuthRoutesDependencies, googleAuthRoutes } from './googleAuthRoutes';
import { InvoiceRoutesDependencies, invoiceRoutes } from './invoiceRoutes';
import { OtpRoutesDependencies, otpRoutes } from './otpRoutes';
import { PaymentRoutesDependencies, paymentRoutes } from './paymentRoutes';
import { SandboxRoutesDependencies, sandboxRoutes } from './sandboxRoutes';
import { StatsRoutesDependencies, statsRoutes } from './statsRoutes';
import { TourRoutesDependencies, tourRoutes } from './tourRoutes';
import { TourTypeRoutesDependencies, tourTypeRoutes } from './tourTypeRoutes';
import { UserRoutesDependencies, userRoutes } from './userRoutes';

/** What all route modules together are handed; each takes its own part of it. */
export type RouteDependencies = AuthRoutesDependencies & GoogleAuthRoutesDependencies & UserRoutesDependencies & OtpRoutesDependencies
  & DivisionRoutesDependencies & TourTypeRoutesDependencies & TourRoutesDependencies & BookingRoutesDependencies & InvoiceRoutesDependencies
  & PaymentRoutesDependencies & SandboxRoutesDependencies & StatsRoutesDependencies;

/** Every API route module. Add new ones here; the OpenAPI document follows automatically. */
export const routeModules: ((dependencies: RouteDependencies) => RouteDef[])[] = [
  authRoutes, googleAuthRoutes, userRoutes, otpRoutes, divisionRoutes, tourTypeRoutes, tourRoutes, bookingRoutes, invoiceRoutes, paymentRoutes, sandboxRoutes, statsRoutes,
];
