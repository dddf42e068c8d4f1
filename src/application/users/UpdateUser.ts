import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import { Email } from '../../domain/user/Email';
import { Phone } from '../../domain/user/Phone';
import type { Actor } from '../../domain/user/Role';
import { isAdmin } from '../../domain/user/Role';
import type { AdminChanges, User } from '../../domain/user/User';
import type { ImageUploads } from '../catalogue/ImageUploads';
import type { Clock } from '../ports/Clock';
import type { SessionRepository } from '../ports/SessionRepository';
import type { SessionStandingCache } from '../ports/SessionStandingCache';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';
import type { IncomingFile } from '../shared/IncomingFile';

/** The account by id (HTTP) or by email (the admin CLI). */
export type UserTarget = string | { email: string };

/**
 * Every change to an account, from `PATCH /user/:id` and the admin CLI alike. An account that is
 * blocked, deactivated or deleted loses every session in the same commit; any change of role or
 * status reaches the per-request session check at once.
 */
export class UpdateUser {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly standings: SessionStandingCache,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly uploads: ImageUploads | null = null,
  ) {}

  /** `picture` (an uploaded image) is stored before the commit; the picture it replaces is deleted after. */
  async execute(actor: Actor, target: UserTarget, changes: AdminChanges, picture: IncomingFile | null = null): Promise<User> {
    const normalized = { ...changes, phone: changes.phone ? Phone.create(changes.phone).value : changes.phone };
    const apply = (pictureKey?: string) =>
      this.uow.run(async () => {
        const user = await this.find(target);
        // Non-admins learn nothing about other accounts, not even that they exist.
        if (!user || (actor.userId !== user.id && !isAdmin(actor.role))) throw NotFound.of('User', ERROR_CODES.USER.NOT_FOUND);
        const previous = user.picture;
        const now = this.clock.now();
        user.applyChanges(actor, pictureKey ? { ...normalized, picture: pictureKey } : normalized, now);
        await this.users.save(user);
        if (user.status !== 'ACTIVE' || user.isDeleted) await this.sessions.revokeAllOfUser(user.id, now);
        return { user, replaced: pictureKey && previous !== pictureKey ? previous : null };
      });
    let updated: { user: User; replaced: string | null | undefined };
    if (!picture) updated = await apply();
    else {
      if (!this.uploads) throw new Error('UpdateUser was built without ImageUploads, so it cannot take a picture');
      updated = await this.uploads.storeThen([picture], 'users', 'file', ([key]) => apply(key));
      await this.uploads.discard([updated.replaced ?? null]);
    }
    if (changes.role !== undefined || changes.status !== undefined || changes.isDeleted !== undefined) await this.standings.forgetUser(updated.user.id);
    return updated.user;
  }

  private find(target: UserTarget): Promise<User | null> {
    return typeof target === 'string' ? this.users.findById(target) : this.users.findByEmail(Email.create(target.email).value);
  }
}
