"""aiosmtpd handler for Relais's mail tests: a Maildir that also records the
envelope, and answers set by environment variables.

    PYTHONPATH=server/tests/api python3 -m aiosmtpd -n -l 127.0.0.1:PORT \\
        -c smtp_handler.Handler MAILDIR

RELAIS_SMTP_TEMPFAIL_FIRST=N  answer "451 4.3.0 try later" to the first N messages
RELAIS_SMTP_REJECT=1          answer "550 5.1.1 no such user" to every recipient
RELAIS_SMTP_DELAY_MS=N        wait N ms before accepting each message

Each accepted message is stored as received, preceded by one
`X-Envelope-To:` line listing the envelope recipients.
"""

import asyncio
import mailbox
import os


class Handler:
    def __init__(self, maildir):
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(maildir, sub), exist_ok=True)
        self.maildir = mailbox.Maildir(maildir)
        self.tempfail_left = int(os.environ.get("RELAIS_SMTP_TEMPFAIL_FIRST", "0"))
        self.reject = os.environ.get("RELAIS_SMTP_REJECT") == "1"
        self.delay = int(os.environ.get("RELAIS_SMTP_DELAY_MS", "0")) / 1000

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("usage: smtp_handler.Handler MAILDIR")
        return cls(args[0])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.tempfail_left > 0:
            self.tempfail_left -= 1
            return "451 4.3.0 try later"
        if self.delay:
            await asyncio.sleep(self.delay)
        line = "X-Envelope-To: " + ", ".join(envelope.rcpt_tos) + "\r\n"
        # Maildir writes to tmp/ then renames into new/: a reader never sees half a message.
        self.maildir.add(line.encode() + envelope.original_content)
        return "250 Message accepted for delivery"
