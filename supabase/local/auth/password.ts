// Passwords as GoTrue keeps them: bcrypt `$2a$`, cost 10, checked against config.toml's rules.
import bcrypt from 'bcryptjs';
import { badRequest, weakPassword } from './errors.ts';
import type { AuthSettings } from './settings.ts';

export const MAX_PASSWORD_LENGTH = 72;
const COST = 10;

// A hash of nothing anyone knows: compared against when the user does not exist, so a wrong email
// costs the same time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password-placeholder', COST);

export async function hashPassword(password: string): Promise<string> {
  if (Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) {
    throw badRequest('validation_failed', 'bcrypt: password length exceeds 72 bytes');
  }
  // bcryptjs writes `$2b$`; GoTrue (Go's x/crypto/bcrypt) writes `$2a$`. Both verify the same way.
  return (await bcrypt.hash(password, COST)).replace(/^\$2b\$/, '$2a$');
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(password, DUMMY_HASH);
    return false;
  }
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

/** Throws GoTrue's weak_password (422, with reasons) or validation_failed for an over-long password. */
export function checkPasswordStrength(settings: AuthSettings, password: string): void {
  const problem = passwordProblem(settings, password);
  if (problem) throw problem;
}

export function passwordProblem(settings: AuthSettings, password: string) {
  if (password.length > MAX_PASSWORD_LENGTH) {
    return badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  const reasons: string[] = [];
  const messages: string[] = [];
  if (password.length < settings.minPasswordLength) {
    reasons.push('length');
    messages.push(`Password should be at least ${settings.minPasswordLength} characters.`);
  }
  for (const set of settings.requiredCharacters) {
    if (![...password].some((ch) => set.includes(ch))) {
      reasons.push('characters');
      messages.push(`Password should contain at least one character of each: ${settings.requiredCharacters.join(', ')}.`);
      break;
    }
  }
  return reasons.length ? weakPassword(messages.join(' '), reasons) : undefined;
}
