// Tells an expired session from a deliberate sign-out: a flag kept while signed in is cleared by
// the sign-out button; if the session disappears with the flag still set (refresh token expired
// or revoked), the user goes back to the login page with a message. A recovery link opens the
// set-a-new-password page.
import { supabase } from './supabase-client.ts';

const FLAG = 'bizdesk.signedIn';

export function rememberSignedIn() {
  localStorage.setItem(FLAG, '1');
}

/** Called around a deliberate sign-out. */
export function forgetSignedIn() {
  localStorage.removeItem(FLAG);
}

const NOTICE = 'bizdesk.expiredNotice';

/** True once, when the session ended without the user signing out; the login page then says so. */
export function sessionExpired(): boolean {
  if (localStorage.getItem(FLAG) !== '1') return false;
  forgetSignedIn();
  sessionStorage.setItem(NOTICE, '1');
  return true;
}

/** Read by the login page: whether to show the "session expired" message (once). */
export function takeExpiredNotice(): boolean {
  const shown = sessionStorage.getItem(NOTICE) === '1';
  sessionStorage.removeItem(NOTICE);
  return shown;
}

export function watchAuthEvents() {
  supabase.auth.onAuthStateChange((event) => {
    const path = window.location.pathname;
    if (event === 'SIGNED_OUT' && path !== '/login' && sessionExpired()) {
      window.location.assign('/login?expired=1');
    }
    if (event === 'PASSWORD_RECOVERY' && path !== '/update-password') {
      window.location.assign('/update-password');
    }
  });
}
