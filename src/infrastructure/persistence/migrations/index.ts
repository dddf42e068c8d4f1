import { Accounts1763900000000 } from './1763900000000-Accounts';
import { Catalogue1763900001000 } from './1763900001000-Catalogue';
import { Bookings1763900002000 } from './1763900002000-Bookings';
import { Invoices1763900003000 } from './1763900003000-Invoices';
import { StatsIndexes1763900008000 } from './1763900008000-StatsIndexes';
import { PaymentAttempts1764000000000 } from './1764000000000-PaymentAttempts';
import { CatalogueVersions1764500000000 } from './1764500000000-CatalogueVersions';
import { Refunds1764600000000 } from './1764600000000-Refunds';
import { CreditNotes1764600001000 } from './1764600001000-CreditNotes';
import { WebhookInbox1764600002000 } from './1764600002000-WebhookInbox';
import { UserVersions1764700000000 } from './1764700000000-UserVersions';
import { PeriodicRuns1764800000000 } from './1764800000000-PeriodicRuns';
import { PeriodicMarks1764900000000 } from './1764900000000-PeriodicMarks';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [
  Accounts1763900000000, Catalogue1763900001000, Bookings1763900002000, Invoices1763900003000, StatsIndexes1763900008000, PaymentAttempts1764000000000,
  CatalogueVersions1764500000000, Refunds1764600000000, CreditNotes1764600001000, WebhookInbox1764600002000, UserVersions1764700000000,
  PeriodicRuns1764800000000, PeriodicMarks1764900000000,
];
