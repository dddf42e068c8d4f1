import { EntitySchema } from 'typeorm';

export interface UserRow {
  id: string;
  name: string;
  email: string;
  passwordHash: string | null;
  phone: string | null;
  address: string | null;
  picture: string | null;
  role: string;
  status: string;
  isVerified: boolean;
  isDeleted: boolean;
  googleId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 120 },
    email: { type: 'varchar', length: 254, unique: true },
    passwordHash: { type: 'varchar', length: 255, nullable: true },
    phone: { type: 'varchar', length: 20, nullable: true },
    address: { type: 'varchar', length: 500, nullable: true },
    picture: { type: 'varchar', length: 500, nullable: true },
    role: { type: 'varchar', length: 20 },
    status: { type: 'varchar', length: 20 },
    isVerified: { type: 'boolean' },
    isDeleted: { type: 'boolean' },
    googleId: { type: 'varchar', length: 64, nullable: true, unique: true },
    createdAt: { type: 'datetime', precision: 3 },
    updatedAt: { type: 'datetime', precision: 3 },
  },
});
