import { PasswordResetEntity } from './PasswordResetEntity';
import { RefreshSessionEntity } from './RefreshSessionEntity';
import { UserEntity } from './UserEntity';

/** Every mapped table. Add new entity schemas here. */
export const entities = [UserEntity, RefreshSessionEntity, PasswordResetEntity];
