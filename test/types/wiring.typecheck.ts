/**
 * Type-level tests of the composition root, checked by `tsc --noEmit` (part of `npm test`), never run:
 * each `@ts-expect-error` line must fail to compile, or tsc reports the directive as unused.
 */
import { LogoutAll } from '../../src/application/auth/LogoutAll';
import type { Ports } from '../../src/application/ports/Ports';
import type { UseCases } from '../../src/application/UseCases';
import type { Factories } from '../../src/infrastructure/root/lazy';
import type { RouteInput } from '../../src/interfaces/http/route';

declare const ports: Ports;

/** Wired right, LogoutAll compiles. */
export const wired = new LogoutAll(ports.sessionRepository, ports.unitOfWork, ports.clock, ports.sessionStandingCache);

// @ts-expect-error a Clock in the SessionRepository slot
export const clockAsSessions = new LogoutAll(ports.clock, ports.unitOfWork, ports.clock, ports.sessionStandingCache);

// @ts-expect-error the slots swapped
export const swapped = new LogoutAll(ports.sessionRepository, ports.clock, ports.unitOfWork, ports.sessionStandingCache);

/** The root's factories are typed by the use case they make: one that makes something else does not compile. */
export const factories: Pick<Factories<UseCases>, 'logoutAll'> = {
  // @ts-expect-error makes a LoginUser-shaped nothing where a LogoutAll belongs
  logoutAll: () => ({ execute: (userId: number) => Promise.resolve(userId) }),
};

/** A test replaces a port with something of that port's type only. */
export const replacement: Partial<Ports> = {
  // @ts-expect-error a clock is not a mailer
  mailer: ports.clock,
};

/** A route behind a login gets its actor by type; a public one gets none. */
export function actorOf(input: RouteInput<unknown, unknown, unknown, 'user'>, anonymous: RouteInput<unknown, unknown, unknown, 'public'>): string {
  // @ts-expect-error a public route has no actor to read
  const nobody: string = anonymous.actor.userId;
  return input.actor.userId + nobody;
}
