/**
 * `CLIENT_COMPAT` profiles: the values front ends written for another API need, set at once.
 * A profile only supplies defaults; any of its variables set in the environment wins.
 */
export const CLIENT_PROFILES = {
  /**
   * React front ends written for the original tour management API: they refresh the session only
   * on status 500 with `jwt expired`, have no `/payment/cancel` page, and enable "Resend code" 5 s
   * after a send.
   */
  'ph-tour': {
    LEGACY_EXPIRED_TOKEN_STATUS: '500',
    PAYMENT_CANCEL_REDIRECT_PATH: '/payment/fail',
    OTP_RESEND_COOLDOWN_SECONDS: '5',
  },
} as const satisfies Record<string, Record<string, string>>;

export type ClientProfileName = keyof typeof CLIENT_PROFILES;

export const CLIENT_PROFILE_NAMES = Object.keys(CLIENT_PROFILES) as ClientProfileName[];

/** The environment with the chosen profile's values under it: every variable that is set (even empty) stays as given. */
export function withClientProfile(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const name = env.CLIENT_COMPAT ?? '';
  if (!Object.hasOwn(CLIENT_PROFILES, name)) return env;
  const profile: Record<string, string> = CLIENT_PROFILES[name as ClientProfileName];
  const unset = Object.entries(profile).filter(([variable]) => env[variable] === undefined);
  return { ...env, ...Object.fromEntries(unset) };
}
