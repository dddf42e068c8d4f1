/**
 * The configuration the HTTP adapter reads, declared here so that it never imports the process's
 * Config: the composition root's Config satisfies it, and the compiler checks the hand-over.
 */
export interface HttpSettings {
  env: 'development' | 'production' | 'test';
  publicUrl: string;
  frontendUrl: string;
  bodyLimit: string;
  /** Uploads are written under `varDir/uploads` while a request reads them. */
  varDir: string;
  trustProxy: number;
  csrfTrustedOrigins: string[];
  metricsToken: string | null;
  auth: { legacyExpiredTokenStatus: number };
  rateLimits: { loginPerMinute: number; otpPerMinute: number; accountPerHour: number; resetMailsPerHour: number };
  payment: { landingPaths: { success: string; fail: string; cancel: string } };
  /** The secret the Google sign-in cookie's key is derived from. */
  secrets: { jwtRefresh: string };
}

/** Where cookies are valid and how they travel. */
export type CookieSettings = Pick<HttpSettings, 'env' | 'publicUrl' | 'frontendUrl'>;
