import { ValidationFailed } from '../shared/errors';

const BANGLADESH_MOBILE = /^(?:\+8801|01)[3-9]\d{8}$/;

/** A Bangladesh mobile number, `+8801XXXXXXXXX` or `01XXXXXXXXX`. */
export class Phone {
  private constructor(readonly value: string) {}

  static create(raw: string, path = 'phone'): Phone {
    const value = String(raw ?? '').replace(/[\s-]/g, '');
    if (!BANGLADESH_MOBILE.test(value)) {
      throw ValidationFailed.field(path, 'must be a Bangladesh mobile number like +8801XXXXXXXXX or 01XXXXXXXXX');
    }
    return new Phone(value);
  }
}
