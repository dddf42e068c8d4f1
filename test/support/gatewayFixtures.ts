/** Where a gateway adapter under test sends the customer back, and who pays: the same in every gateway test. */
export const CALLBACK_URLS = {
  success: 'http://shop.test/payment/success', fail: 'http://shop.test/payment/fail', cancel: 'http://shop.test/payment/cancel', ipn: 'http://shop.test/payment/validate-payment',
};
export const CUSTOMER = { name: 'Rahim Uddin', email: 'rahim@example.com', phone: '01712345678', address: 'Dhanmondi, Dhaka' };
