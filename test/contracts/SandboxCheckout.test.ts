import { SandboxGateway } from '../../src/infrastructure/payment/SandboxGateway';
import { UuidIdGenerator } from '../../src/infrastructure/system/UuidIdGenerator';
import { FakeClock } from '../fakes/FakeClock';
import { forEachDatabase } from '../support/databases';
import { describeSandboxCheckoutContract } from './SandboxCheckout.contract';

// The checkout page is the sandbox gateway's own; no use case calls this port, so there is no fake.
forEachDatabase((kind, database) => {
  describeSandboxCheckoutContract(`SandboxGateway (${kind})`, async () => {
    const gateway = new SandboxGateway(database(), 'sandbox-secret-for-tests-0123456789abcdef', 'http://127.0.0.1:5000/api/v1/sandbox/checkout', new UuidIdGenerator(), new FakeClock());
    return { checkout: gateway, gateway };
  });
});
