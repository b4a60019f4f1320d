// Mailed one-time tokens: password recovery, signup confirmation and email change. Each mail
// carries a link to GET /verify with the token hash and a 6-digit code for POST /verify.
import { createHash, randomInt } from 'node:crypto';
import type { DbSession } from '../db/types.ts';
import type { AuthApi } from './api.ts';
import { tooManyRequests } from './errors.ts';
import { sendMail } from './mailbox.ts';
import { confirmationMail, emailChangeMail, recoveryMail } from './mail-templates.ts';
import { setUserColumns, type User } from './users.ts';

export function generateOtp(digits = 6): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += String(randomInt(10));
  return s;
}

/** GoTrue's crypto.GenerateTokenHash: hex SHA-224 of email (or phone) followed by the code. */
export function tokenHash(emailOrPhone: string, otp: string): string {
  return createHash('sha224').update(emailOrPhone + otp).digest('hex');
}

function verifyLink(api: AuthApi, hash: string, type: string, redirectTo: string): string {
  const q = new URLSearchParams({ token: hash, type, redirect_to: redirectTo });
  return `${api.settings.issuer()}/verify?${q.toString()}`;
}

/** max_frequency between two mails of one kind to one user, as validateSentWithinFrequencyLimit. */
function checkFrequency(api: AuthApi, sentAt: string | null): void {
  if (!sentAt) return;
  const next = Date.parse(sentAt) + api.settings.maxFrequencySeconds * 1000;
  const left = Math.floor((next - Date.now()) / 1000);
  if (Date.now() < next) {
    throw tooManyRequests('over_email_send_rate_limit', `For security purposes, you can only request this after ${Math.max(left, 0)} seconds.`);
  }
}

function takeEmailQuota(api: AuthApi): void {
  if (!api.limits.email.take('project')) throw tooManyRequests('over_email_send_rate_limit', 'email rate limit exceeded');
}

export async function sendRecovery(tx: DbSession, api: AuthApi, user: User, redirectTo: string): Promise<void> {
  checkFrequency(api, user.row.recovery_sent_at);
  takeEmailQuota(api);
  const email = user.row.email ?? '';
  const otp = generateOtp();
  const hash = tokenHash(email, otp);
  await setUserColumns(tx, user.row.id, { recovery_token: hash });
  await tx.query(`update auth.users set recovery_sent_at = now() where id = $1`, [user.row.id]);
  const m = recoveryMail(verifyLink(api, hash, 'recovery', redirectTo), otp);
  sendMail(api.ctx.config.mailDir, { to: email, kind: 'recovery', ...m });
}

export async function sendConfirmation(tx: DbSession, api: AuthApi, user: User, redirectTo: string): Promise<void> {
  checkFrequency(api, user.row.confirmation_sent_at);
  takeEmailQuota(api);
  const email = user.row.email ?? '';
  const otp = generateOtp();
  const hash = tokenHash(email, otp);
  await setUserColumns(tx, user.row.id, { confirmation_token: hash });
  await tx.query(`update auth.users set confirmation_sent_at = now() where id = $1`, [user.row.id]);
  const m = confirmationMail(verifyLink(api, hash, 'signup', redirectTo), otp);
  sendMail(api.ctx.config.mailDir, { to: email, kind: 'signup', ...m });
}

/**
 * An email change waits for confirmation: with double_confirm_changes both the current and the
 * new address get a link, and both must be followed.
 */
export async function sendEmailChange(tx: DbSession, api: AuthApi, user: User, newEmail: string, redirectTo: string): Promise<void> {
  checkFrequency(api, user.row.email_change_sent_at);
  takeEmailQuota(api);
  const current = user.row.email ?? '';
  const otpNew = generateOtp();
  const hashNew = tokenHash(newEmail, otpNew);
  const secure = api.settings.secureEmailChange && current !== '';
  const otpCurrent = secure ? generateOtp() : '';
  const hashCurrent = secure ? tokenHash(current, otpCurrent) : '';
  await setUserColumns(tx, user.row.id, {
    email_change: newEmail,
    email_change_token_new: hashNew,
    email_change_token_current: hashCurrent,
    email_change_confirm_status: 0,
  });
  await tx.query(`update auth.users set email_change_sent_at = now() where id = $1`, [user.row.id]);
  const mailDir = api.ctx.config.mailDir;
  sendMail(mailDir, { to: newEmail, kind: 'email_change', ...emailChangeMail(verifyLink(api, hashNew, 'email_change', redirectTo), otpNew, current, newEmail) });
  if (secure) {
    sendMail(mailDir, { to: current, kind: 'email_change', ...emailChangeMail(verifyLink(api, hashCurrent, 'email_change', redirectTo), otpCurrent, current, newEmail) });
  }
}
