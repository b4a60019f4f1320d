// The mails GoTrue sends, with Supabase's default subjects and wording.
const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface MailContent {
  subject: string;
  text: string;
  html: string;
  links: string[];
}

function render(subject: string, heading: string, lead: string, linkText: string, link: string, otp?: string): MailContent {
  const otpLine = otp ? `\n\nAlternatively, enter the code: ${otp}` : '';
  return {
    subject,
    text: `${heading}\n\n${lead}\n\n${link}${otpLine}\n`,
    html:
      `<h2>${escape(heading)}</h2>\n<p>${escape(lead)}</p>\n<p><a href="${escape(link)}">${escape(linkText)}</a></p>` +
      (otp ? `\n<p>Alternatively, enter the code: ${escape(otp)}</p>` : ''),
    links: [link],
  };
}

export const recoveryMail = (link: string, otp: string) =>
  render('Reset Your Password', 'Reset Password', 'Follow this link to reset the password for your user:', 'Reset Password', link, otp);

export const confirmationMail = (link: string, otp: string) =>
  render('Confirm Your Signup', 'Confirm your signup', 'Follow this link to confirm your user:', 'Confirm your mail', link, otp);

export const emailChangeMail = (link: string, otp: string, from: string, to: string) =>
  render(
    'Confirm Email Change',
    'Confirm Change of Email',
    `Follow this link to confirm the update of your email from ${from} to ${to}:`,
    'Change Email',
    link,
    otp,
  );

export const inviteMail = (link: string, otp: string, siteUrl: string) =>
  render('You have been invited', 'You have been invited', `You have been invited to create a user on ${siteUrl}. Follow this link to accept the invite:`, 'Accept the invite', link, otp);
