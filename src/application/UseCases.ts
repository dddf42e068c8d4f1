import { ChangePassword } from './auth/ChangePassword';
import { CheckSession } from './auth/CheckSession';
import { ForgotPassword } from './auth/ForgotPassword';
import { LoginUser } from './auth/LoginUser';
import { Logout } from './auth/Logout';
import { LogoutAll } from './auth/LogoutAll';
import { RefreshAccessToken } from './auth/RefreshAccessToken';
import { RegisterUser } from './auth/RegisterUser';
import { ResetPassword } from './auth/ResetPassword';
import { SetPassword } from './auth/SetPassword';
import { SignInWithGoogle } from './auth/SignInWithGoogle';
import { StartGoogleSignIn } from './auth/StartGoogleSignIn';
import { ChangeBookingStatus } from './bookings/ChangeBookingStatus';
import { CreateBooking } from './bookings/CreateBooking';
import { ExpireHolds } from './bookings/ExpireHolds';
import { GetBooking } from './bookings/GetBooking';
import { ListBookings } from './bookings/ListBookings';
import { CreateDivision } from './catalogue/CreateDivision';
import { CreateTour } from './catalogue/CreateTour';
import { CreateTourType } from './catalogue/CreateTourType';
import { DeleteDivision } from './catalogue/DeleteDivision';
import { DeleteTour } from './catalogue/DeleteTour';
import { DeleteTourType } from './catalogue/DeleteTourType';
import { GetDivision } from './catalogue/GetDivision';
import { GetTour } from './catalogue/GetTour';
import { ImageUrls } from './catalogue/ImageUrls';
import { ListDivisions } from './catalogue/ListDivisions';
import { ListTours } from './catalogue/ListTours';
import { ListTourTypes } from './catalogue/ListTourTypes';
import { SweepOrphanImages } from './catalogue/SweepOrphanImages';
import { UpdateDivision } from './catalogue/UpdateDivision';
import { UpdateTour } from './catalogue/UpdateTour';
import { UpdateTourType } from './catalogue/UpdateTourType';
import { GetInvoiceLink } from './invoices/GetInvoiceLink';
import { IssueInvoice } from './invoices/IssueInvoice';
import { IssueMissingInvoices } from './invoices/IssueMissingInvoices';
import { OpenInvoicePdf } from './invoices/OpenInvoicePdf';
import { PreviewInvoice } from './invoices/PreviewInvoice';
import { SendInvoiceEmail } from './invoices/SendInvoiceEmail';
import { ListJobs } from './jobs/ListJobs';
import { PurgeDeadJobs } from './jobs/PurgeDeadJobs';
import { RetryJob } from './jobs/RetryJob';
import { ConfirmPayment } from './payments/ConfirmPayment';
import { GetPayment } from './payments/GetPayment';
import { InitPayment } from './payments/InitPayment';
import { ReconcilePayments } from './payments/ReconcilePayments';
import { SendBookingConfirmation } from './payments/SendBookingConfirmation';
import { GetBookingStats } from './stats/GetBookingStats';
import { GetPaymentStats } from './stats/GetPaymentStats';
import { GetTourStats } from './stats/GetTourStats';
import { GetUserStats } from './stats/GetUserStats';
import { CreateAdmin } from './users/CreateAdmin';
import { EnsureSuperAdmin } from './users/EnsureSuperAdmin';
import { GetUser } from './users/GetUser';
import { ListUsers } from './users/ListUsers';
import { UpdateUser } from './users/UpdateUser';
import { SendVerificationCode } from './verification/SendVerificationCode';
import { VerifyEmail } from './verification/VerifyEmail';

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
  sendBookingConfirmation: SendBookingConfirmation;

  issueInvoice: IssueInvoice;
  sendInvoiceEmail: SendInvoiceEmail;
  getInvoiceLink: GetInvoiceLink;
  openInvoicePdf: OpenInvoicePdf;
  previewInvoice: PreviewInvoice;
  issueMissingInvoices: IssueMissingInvoices;

  listJobs: ListJobs;
  retryJob: RetryJob;
  purgeDeadJobs: PurgeDeadJobs;

  getUserStats: GetUserStats;
  getTourStats: GetTourStats;
  getBookingStats: GetBookingStats;
  getPaymentStats: GetPaymentStats;
}
