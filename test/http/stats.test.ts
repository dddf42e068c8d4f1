import { simpleParser } from 'mailparser';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';

const ADMIN = { email: 'stats.admin@example.com', password: 'Stat5!Keeper' };

describe('statistics routes', () => {
  let app: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    app = await startTestApp({ SUPER_ADMIN_EMAIL: ADMIN.email, SUPER_ADMIN_PASSWORD: ADMIN.password });
    adminToken = (await app.request('POST', '/api/v1/auth/login', { body: ADMIN })).body.data.accessToken;
  });

  afterAll(async () => {
    await app.stop();
  });

  it('answers an admin with exactly the key names API.md lists, counting what the service wrote', async () => {
    await app.request('POST', '/api/v1/user/register', { body: { name: 'Rita Reader', email: 'rita@example.com', password: 'Secr3t#Tour1' } });

    const users = await app.request('GET', '/api/v1/stats/user', { token: adminToken });
    const tours = await app.request('GET', '/api/v1/stats/tour', { token: adminToken });
    const bookings = await app.request('GET', '/api/v1/stats/booking', { token: adminToken });
    const payments = await app.request('GET', '/api/v1/stats/payment', { token: adminToken });

    expect([users.status, tours.status, bookings.status, payments.status]).toEqual([200, 200, 200, 200]);
    expect(users.body.data).toEqual({
      totalUsers: 2, totalActiveUsers: 2, totalInActiveUsers: 0, totalBlockedUsers: 0, newUsersInLast7Days: 2, newUsersInLast30Days: 2,
      usersByRole: [{ _id: 'SUPER_ADMIN', count: 1 }, { _id: 'USER', count: 1 }],
    });
    expect(Object.keys(tours.body.data).sort()).toEqual(['avgTourCost', 'currency', 'totalHighestBookedTour', 'totalTour', 'totalTourByDivision', 'totalTourByTourType']);
    expect(tours.body.data).toMatchObject({ totalTour: 0, avgTourCost: 0, currency: 'BDT' });
    expect(Object.keys(bookings.body.data).sort()).toEqual([
      'avgGuestCountPerBooking', 'bookingsLast30Days', 'bookingsLast7Days', 'bookingsPerTour', 'totalBooking', 'totalBookingByStatus', 'totalBookingByUniqueUsers',
    ]);
    expect(payments.body.data).toEqual({
      totalPayment: 0, totalPaymentByStatus: [], totalRevenue: 0, avgPaymentAmount: 0, currency: 'BDT', paymentGatewayData: [], invoicesIssued: 0, totalRefunds: 0, totalRefunded: 0,
    });
  });

  it('refuses non-admins and anonymous callers', async () => {
    const email = 'nosy@example.com';
    await app.request('POST', '/api/v1/user/register', { body: { name: 'Nosy Parker', email, password: 'Secr3t#Tour1' } });
    const mails = await app.mails();
    const code = /^\s*(\d{6})\s*$/m.exec((await simpleParser(mails[mails.length - 1])).text ?? '')![1];
    expect((await app.request('POST', '/api/v1/otp/verify', { body: { email, otp: code } })).status).toBe(200);
    const userToken = (await app.request('POST', '/api/v1/auth/login', { body: { email, password: 'Secr3t#Tour1' } })).body.data.accessToken;

    for (const area of ['user', 'tour', 'booking', 'payment']) {
      expect((await app.request('GET', `/api/v1/stats/${area}`, { token: userToken })).status).toBe(403);
    }
    expect((await app.request('GET', '/api/v1/stats/payment')).status).toBe(401);
  });

  it('documents the four routes with response schemas and examples', async () => {
    const { body } = await app.request('GET', '/openapi.json');
    for (const area of ['user', 'tour', 'booking', 'payment']) {
      const op = body.paths[`/api/v1/stats/${area}`].get;
      expect(op.tags).toEqual(['Statistics']);
      expect(op.responses['403']).toBeDefined();
      const data = op.responses['200'].content['application/json'].schema.properties.data;
      expect(Object.keys(data.properties).length).toBeGreaterThanOrEqual(6);
    }
    const tourData = body.paths['/api/v1/stats/tour'].get.responses['200'].content['application/json'].schema.properties.data;
    expect(tourData.properties.totalHighestBookedTour.example[0].tour.slug).toBe('coxs-bazar-escape');
  });
});
