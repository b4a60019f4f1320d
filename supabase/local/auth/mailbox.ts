// The local mailbox (what Inbucket / Mailpit are to the Supabase CLI): every mail auth sends is a
// JSON file in config.mailDir, listed on a small page at /mailbox.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { StackConfig } from '../config.ts';

export interface MailMessage {
  id: string;
  to: string;
  from: string;
  subject: string;
  /** recovery, email_change, signup, … */
  kind: string;
  text: string;
  html: string;
  /** The action link(s) in the mail, so scripts and tests need not parse HTML. */
  links: string[];
  created_at: string;
}

export const MAIL_FROM = 'BizDesk <admin@bizdesk.local>';

/** Where `npm start` tells people to read mail. */
export function mailboxUrl(config: StackConfig): string {
  return `${config.apiUrl}/mailbox`;
}

export function sendMail(mailDir: string, mail: Omit<MailMessage, 'id' | 'from' | 'created_at'>): MailMessage {
  fs.mkdirSync(mailDir, { recursive: true });
  const now = new Date();
  // Sortable by time, unique within the millisecond.
  const id = `${now.getTime().toString().padStart(15, '0')}-${randomBytes(4).toString('hex')}`;
  const message: MailMessage = { id, from: MAIL_FROM, created_at: now.toISOString(), ...mail };
  const file = path.join(mailDir, `${id}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(message, null, 2));
  fs.renameSync(`${file}.tmp`, file);
  return message;
}

export function listMail(mailDir: string, to?: string): MailMessage[] {
  let names: string[];
  try {
    names = fs.readdirSync(mailDir).filter((n) => /^[0-9]+-[0-9a-f]+\.json$/.test(n));
  } catch {
    return [];
  }
  const out: MailMessage[] = [];
  for (const name of names.sort().reverse()) {
    try {
      const m = JSON.parse(fs.readFileSync(path.join(mailDir, name), 'utf8')) as MailMessage;
      if (!to || m.to.toLowerCase() === to.toLowerCase()) out.push(m);
    } catch {
      // a file being written or not ours: skip it
    }
  }
  return out;
}

export function readMail(mailDir: string, id: string): MailMessage | undefined {
  if (!/^[0-9]+-[0-9a-f]+$/.test(id)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(path.join(mailDir, `${id}.json`), 'utf8')) as MailMessage;
  } catch {
    return undefined;
  }
}

export function clearMail(mailDir: string): number {
  const all = listMail(mailDir);
  for (const m of all) fs.rmSync(path.join(mailDir, `${m.id}.json`), { force: true });
  return all.length;
}
