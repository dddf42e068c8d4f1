import { Runtime } from '../../../infrastructure/container/buildContainer';
import { RouteDef } from '../route';
import { authRoutes } from './authRoutes';
import { bookingRoutes } from './bookingRoutes';
import { divisionRoutes } from './divisionRoutes';
import { googleAuthRoutes } from './googleAuthRoutes';
import { invoiceRoutes } from './invoiceRoutes';
import { otpRoutes } from './otpRoutes';
import { paymentRoutes } from './paymentRoutes';
import { sandboxRoutes } from './sandboxRoutes';
import { statsRoutes } from './statsRoutes';
import { tourRoutes } from './tourRoutes';
import { tourTypeRoutes } from './tourTypeRoutes';
import { userRoutes } from './userRoutes';

/** Every API route module. Add new ones here; the OpenAPI document follows automatically. */
export const routeModules: ((runtime: Runtime) => RouteDef[])[] = [authRoutes, googleAuthRoutes, userRoutes, otpRoutes, divisionRoutes, tourTypeRoutes, tourRoutes, bookingRoutes, invoiceRoutes, paymentRoutes, sandboxRoutes, statsRoutes];
