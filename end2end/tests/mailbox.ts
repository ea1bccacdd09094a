import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expect } from './fixtures';

/**
 * The messages the SMTP test server received (`.ci/e2e` starts aiosmtpd with
 * `server/tests/api/smtp_handler.py`, which stores each message in a Maildir
 * with an `X-Envelope-To:` line first).
 */
function maildir(): string {
  const dir = process.env.RELAIS_E2E_MAILDIR;
  if (!dir) throw new Error('RELAIS_E2E_MAILDIR is not set: run the end-to-end tests through .ci/e2e');
  return dir;
}

async function received(): Promise<ParsedMail[]> {
  const folder = join(maildir(), 'new');
  const names = await readdir(folder).catch(() => [] as string[]);
  return Promise.all(names.map(async (name) => simpleParser(await readFile(join(folder, name)))));
}

function envelopeTo(mail: ParsedMail): string {
  const header = mail.headers.get('x-envelope-to');
  return typeof header === 'string' ? header : '';
}

/** Waits until a message to `to` whose subject matches `subject` arrives, and returns it. */
export async function waitForMessage(to: string, subject: RegExp, timeoutMs = 30_000): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await received()).find(
          (m) => envelopeTo(m).includes(to) && subject.test(m.subject ?? ''),
        );
        return found !== undefined;
      },
      { timeout: timeoutMs, message: `a message to ${to} with a subject matching ${subject}` },
    )
    .toBe(true);
  return found as ParsedMail;
}
