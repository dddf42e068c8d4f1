import type { CommandModule } from '../types';
import * as access from './access';
import * as createAdmin from './createAdmin';
import * as invoice from './invoice';
import * as jobs from './jobs';
import * as payment from './payment';
import * as seed from './seed';
import * as storage from './storage';
import * as users from './users';

/** What all command modules together are handed; each takes its own part of it. */
export type CliDependencies = access.AccessDependencies & createAdmin.CreateAdminDependencies & invoice.InvoiceDependencies & jobs.JobsDependencies
  & payment.PaymentDependencies & seed.SeedDependencies & storage.StorageDependencies & users.UsersDependencies;

/** Every admin command module, in the order `--help` lists them. Add yours here. */
export const commandModules: CommandModule<CliDependencies>[] = [createAdmin, users, access, invoice, jobs, payment, seed, storage];
