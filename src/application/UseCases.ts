import type { ChangePassword } from './auth/ChangePassword';
import type { CheckSession } from './auth/CheckSession';
import type { ForgotPassword } from './auth/ForgotPassword';
import type { LoginUser } from './auth/LoginUser';
import type { Logout } from './auth/Logout';
import type { LogoutAll } from './auth/LogoutAll';
import type { RefreshAccessToken } from './auth/RefreshAccessToken';
import type { RegisterUser } from './auth/RegisterUser';
import type { ResetPassword } from './auth/ResetPassword';
import type { SetPassword } from './auth/SetPassword';
import type { SignInWithGoogle } from './auth/SignInWithGoogle';
import type { StartGoogleSignIn } from './auth/StartGoogleSignIn';
import type { ChangeBookingStatus } from './bookings/ChangeBookingStatus';
import type { CreateBooking } from './bookings/CreateBooking';
import type { ExpireHolds } from './bookings/ExpireHolds';
import type { GetBooking } from './bookings/GetBooking';
import type { ListBookings } from './bookings/ListBookings';
import type { CreateDivision } from './catalogue/CreateDivision';
import type { CreateTour } from './catalogue/CreateTour';
import type { CreateTourType } from './catalogue/CreateTourType';
import type { DeleteDivision } from './catalogue/DeleteDivision';
import type { DeleteTour } from './catalogue/DeleteTour';
import type { DeleteTourType } from './catalogue/DeleteTourType';
import type { GetDivision } from './catalogue/GetDivision';
import type { GetTour } from './catalogue/GetTour';
import type { ImageUrls } from './catalogue/ImageUrls';
import type { ListDivisions } from './catalogue/ListDivisions';
import type { ListTours } from './catalogue/ListTours';
import type { ListTourTypes } from './catalogue/ListTourTypes';
import type { SweepOrphanImages } from './catalogue/SweepOrphanImages';
import type { UpdateDivision } from './catalogue/UpdateDivision';
import type { UpdateTour } from './catalogue/UpdateTour';
import type { UpdateTourType } from './catalogue/UpdateTourType';
import type { GetInvoiceLink } from './invoices/GetInvoiceLink';
import type { IssueCreditNote } from './invoices/IssueCreditNote';
import type { IssueInvoice } from './invoices/IssueInvoice';
import type { OpenCreditNotePdf } from './invoices/OpenCreditNotePdf';
import type { SendCreditNoteEmail } from './invoices/SendCreditNoteEmail';
import type { IssueMissingInvoices } from './invoices/IssueMissingInvoices';
import type { OpenInvoicePdf } from './invoices/OpenInvoicePdf';
import type { PreviewInvoice } from './invoices/PreviewInvoice';
import type { SendInvoiceEmail } from './invoices/SendInvoiceEmail';
import type { ListJobs } from './jobs/ListJobs';
import type { PurgeDeadJobs } from './jobs/PurgeDeadJobs';
import type { RetryJob } from './jobs/RetryJob';
import type { ConfirmPayment } from './payments/ConfirmPayment';
import type { GetPayment } from './payments/GetPayment';
import type { InitPayment } from './payments/InitPayment';
import type { ReconcilePayments } from './payments/ReconcilePayments';
import type { RefundPayment } from './payments/RefundPayment';
import type { SendBookingConfirmation } from './payments/SendBookingConfirmation';
import type { GetBookingStats } from './stats/GetBookingStats';
import type { GetPaymentStats } from './stats/GetPaymentStats';
import type { GetTourStats } from './stats/GetTourStats';
import type { GetUserStats } from './stats/GetUserStats';
import type { CreateAdmin } from './users/CreateAdmin';
import type { EnsureSuperAdmin } from './users/EnsureSuperAdmin';
import type { GetUser } from './users/GetUser';
import type { ListUsers } from './users/ListUsers';
import type { UpdateUser } from './users/UpdateUser';
import type { SendVerificationCode } from './verification/SendVerificationCode';
import type { VerifyEmail } from './verification/VerifyEmail';
import type { ListWebhooks } from './webhooks/ListWebhooks';
import type { ReceiveWebhook } from './webhooks/ReceiveWebhook';
import type { ReplayWebhook } from './webhooks/ReplayWebhook';

/** Google sign-in's two steps, present when it is configured. */
export interface GoogleSignIn {
  start: StartGoogleSignIn;
  finish: SignInWithGoogle;
}

/**
 * What the driving side may call: every use case by name. The composition root builds each with its
 * ports; route modules, worker handlers and CLI commands take the ones they call (`Pick<UseCases, …>`).
 */
export interface UseCases {
  registerUser: RegisterUser;
  loginUser: LoginUser;
  checkSession: CheckSession;
  refreshAccessToken: RefreshAccessToken;
  logout: Logout;
  logoutAll: LogoutAll;
  changePassword: ChangePassword;
  setPassword: SetPassword;
  forgotPassword: ForgotPassword;
  resetPassword: ResetPassword;
  googleSignIn: GoogleSignIn | null;

  sendVerificationCode: SendVerificationCode;
  verifyEmail: VerifyEmail;

  getUser: GetUser;
  listUsers: ListUsers;
  updateUser: UpdateUser;
  createAdmin: CreateAdmin;
  ensureSuperAdmin: EnsureSuperAdmin;

  /** Download URLs for stored images (users' pictures are presented with them). */
  imageUrls: ImageUrls;
  createDivision: CreateDivision;
  updateDivision: UpdateDivision;
  deleteDivision: DeleteDivision;
  getDivision: GetDivision;
  listDivisions: ListDivisions;
  createTourType: CreateTourType;
  updateTourType: UpdateTourType;
  deleteTourType: DeleteTourType;
  listTourTypes: ListTourTypes;
  createTour: CreateTour;
  updateTour: UpdateTour;
  deleteTour: DeleteTour;
  getTour: GetTour;
  listTours: ListTours;
  sweepOrphanImages: SweepOrphanImages;

  createBooking: CreateBooking;
  getBooking: GetBooking;
  listBookings: ListBookings;
  changeBookingStatus: ChangeBookingStatus;
  expireHolds: ExpireHolds;

  initPayment: InitPayment;
  confirmPayment: ConfirmPayment;
  reconcilePayments: ReconcilePayments;
  getPayment: GetPayment;
  refundPayment: RefundPayment;
  receiveWebhook: ReceiveWebhook;
  replayWebhook: ReplayWebhook;
  listWebhooks: ListWebhooks;
  sendBookingConfirmation: SendBookingConfirmation;

  issueInvoice: IssueInvoice;
  sendInvoiceEmail: SendInvoiceEmail;
  getInvoiceLink: GetInvoiceLink;
  openInvoicePdf: OpenInvoicePdf;
  previewInvoice: PreviewInvoice;
  issueMissingInvoices: IssueMissingInvoices;
  issueCreditNote: IssueCreditNote;
  sendCreditNoteEmail: SendCreditNoteEmail;
  openCreditNotePdf: OpenCreditNotePdf;

  listJobs: ListJobs;
  retryJob: RetryJob;
  purgeDeadJobs: PurgeDeadJobs;

  getUserStats: GetUserStats;
  getTourStats: GetTourStats;
  getBookingStats: GetBookingStats;
  getPaymentStats: GetPaymentStats;
}
