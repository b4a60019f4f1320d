// Reacts to supabase-js auth events outside Refine's hooks: a session that ends without the user
// signing out (refresh token expired or revoked) goes back to the login page with a message, and a
// recovery link opens the set-a-new-password page.
import { supabase } from './supabase-client.ts';

let signingOut = false;

/** Called by the auth provider around a deliberate sign-out. */
export function markSigningOut(value: boolean) {
  signingOut = value;
}

export function watchAuthEvents() {
  supabase.auth.onAuthStateChange((event) => {
    const path = window.location.pathname;
    if (event === 'SIGNED_OUT' && !signingOut && path !== '/login') {
      window.location.assign('/login?expired=1');
    }
    if (event === 'PASSWORD_RECOVERY' && path !== '/update-password') {
      window.location.assign('/update-password');
    }
  });
}
