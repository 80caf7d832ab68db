// Names and flags of the newsroom's cookies: HttpOnly, SameSite=Lax, Secure and `__Host-` under https.
// Knows nothing of what the cookies hold.

export interface SessionCookies {
  readonly session: string;
  readonly csrf: string;
  readonly secure: boolean;
}

/** `__Host-` names under https: the browser then insists on Secure, path=/ and no Domain. */
export function sessionCookies(publicUrl: string): SessionCookies {
  const secure = publicUrl.startsWith('https://');
  return { session: secure ? '__Host-minbar_session' : 'minbar_session', csrf: secure ? '__Host-minbar_csrf' : 'minbar_csrf', secure };
}
