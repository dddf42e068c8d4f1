import { Runtime } from '../../../infrastructure/container/buildContainer';
import { RouteDef } from '../route';
import { authRoutes } from './authRoutes';
import { userRoutes } from './userRoutes';

/** Every API route module. Add new ones here; the OpenAPI document follows automatically. */
export const routeModules: ((runtime: Runtime) => RouteDef[])[] = [authRoutes, userRoutes];
