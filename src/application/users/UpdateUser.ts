import { NotFound } from '../../domain/shared/errors';
import { Phone } from '../../domain/user/Phone';
import { Actor, isAdmin } from '../../domain/user/Role';
import { AdminChanges, User } from '../../domain/user/User';
import { ImageUploads } from '../catalogue/ImageUploads';
import { Clock } from '../ports/Clock';
import { UnitOfWork } from '../ports/UnitOfWork';
import { UserRepository } from '../ports/UserRepository';
import { IncomingFile } from '../shared/IncomingFile';

export class UpdateUser {
  constructor(
    private readonly users: UserRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly uploads: ImageUploads | null = null,
  ) {}

  /** `picture` (an uploaded image) is stored before the commit; the picture it replaces is deleted after. */
  async execute(actor: Actor, userId: string, changes: AdminChanges, picture: IncomingFile | null = null): Promise<User> {
    const normalized = { ...changes, phone: changes.phone ? Phone.create(changes.phone).value : changes.phone };
    const apply = (pictureKey?: string) =>
      this.uow.run(async () => {
        const user = await this.users.findById(userId);
        // Non-admins learn nothing about other accounts, not even that they exist.
        if (!user || (actor.userId !== userId && !isAdmin(actor.role))) throw NotFound.of('User');
        const previous = user.picture;
        user.applyChanges(actor, pictureKey ? { ...normalized, picture: pictureKey } : normalized, this.clock.now());
        await this.users.save(user);
        return { user, replaced: pictureKey && previous !== pictureKey ? previous : null };
      });
    if (!picture) return (await apply()).user;
    if (!this.uploads) throw new Error('UpdateUser was built without ImageUploads, so it cannot take a picture');
    const { user, replaced } = await this.uploads.storeThen([picture], 'users', 'file', ([key]) => apply(key));
    await this.uploads.discard([replaced]);
    return user;
  }
}
