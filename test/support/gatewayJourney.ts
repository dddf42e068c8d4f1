import { simpleParser } from 'mailparser';
import type { LoggedIn } from './accounts';
import { loginSuperAdmin, startAppWithSuperAdmin, verifiedUser } from './accounts';
import { freePort } from './freePort';
import { realService } from './services';
import type { TestApp } from './testApp';

const API = '/api/v1';

export interface Booked {
  booking: { _id: string };
  payment: { id: string; transactionId: string; status: string };
  paymentUrl: string;
}

/**
 * The app on a gateway (its variables in `env`), listening on PUBLIC_URL so the gateway's redirects
 * come back to it, with an admin, a way to make travellers and tours, and the worker that issues invoices.
 */
export async function startGatewayJourney(env: Record<string, string>, options: Parameters<typeof startAppWithSuperAdmin>[1] = {}) {
  const port = await freePort();
  const chrome = realService('chrome');
  const app: TestApp = await startAppWithSuperAdmin({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...(chrome ? { CHROME_PATH: chrome } : {}), ...env }, options);
  const admin: LoggedIn = await loginSuperAdmin(app);
  let n = 0;

  return {
    app,
    admin,
    traveller: () => verifiedUser(app, admin, {}, { phone: '01712345678', address: 'House 9, Road 3, Banani, Dhaka' }),

    async tour(costFrom = 12_500): Promise<string> {
      n += 1;
      const as = { token: admin.accessToken };
      const division = await app.request('POST', `${API}/division/create`, { ...as, body: { name: `Sylhet ${n}-${Date.now()}` } });
      const tourType = await app.request('POST', `${API}/tour/create-tour-type`, { ...as, body: { name: `River cruise ${n}-${Date.now()}` } });
      const year = new Date().getUTCFullYear() + 1;
      const created = await app.request('POST', `${API}/tour/create`, {
        ...as,
        body: {
          title: `Ratargul swamp ${n}-${Date.now()}`, description: 'Boats through the flooded forest', location: 'Sylhet', costFrom, startDate: `${year}-07-01T02:00:00.000Z`,
          endDate: `${year}-07-02T14:00:00.000Z`, included: ['Boat'], excluded: [], amenities: [], tourPlan: ['Day 1: Ratargul'], maxGuest: 10,
          division: division.body.data._id, tourType: tourType.body.data._id,
        },
      });
      if (created.status !== 201) throw new Error(`tour not created: ${created.status} ${JSON.stringify(created.body)}`);
      return created.body.data._id as string;
    },

    async book(token: string, tourId: string, guestCount = 1) {
      return app.request<{ data: Booked }>('POST', `${API}/booking`, { token, body: { tour: tourId, guestCount } });
    },

    /** Runs the worker until the traveller's invoice mail is out; its subject (with the invoice number), or null. */
    async invoiceMailedTo(email: string): Promise<string | null> {
      const worker = app.server.createWorker();
      const invoiceMail = async () => {
        const mails = await Promise.all((await app.mails()).map((raw) => simpleParser(raw)));
        return mails.find((m) => JSON.stringify(m.to).toLowerCase().includes(email.toLowerCase()) && m.attachments.length > 0) ?? null;
      };
      for (let round = 0; round < 5 && !(await invoiceMail()); round++) await worker.drain();
      return (await invoiceMail())?.subject ?? null;
    },
  };
}
