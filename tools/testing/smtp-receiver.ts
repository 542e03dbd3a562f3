import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as the server received it: the SMTP envelope, and the decoded headers and parts. */
export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
};

export type SmtpReceiver = {
  /** smtp://user:password@127.0.0.1:port of this server. */
  url: string;
  user: string;
  password: string;
  received: ReceivedMail[];
  /** The reply code to give RCPT TO <address>, e.g. 550 or 451; undefined accepts it. */
  refuseRecipient: (address: string) => number | undefined;
  stop(): Promise<void>;
};

const USER = "lotledger";
const PASSWORD = "s3cret/mail:pass";

/**
 * A real SMTP server (smtp-server, the server half of nodemailer's project) on a free loopback port:
 * it requires a login, answers RCPT as `refuseRecipient` says, and keeps every message it accepts.
 * STARTTLS is off because a test certificate would be refused by the client, as it should be.
 */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const receiver: Omit<SmtpReceiver, "stop"> = {
    url: "",
    user: USER,
    password: PASSWORD,
    received: [],
    refuseRecipient: () => undefined,
  };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth({ username, password }, _session, callback) {
      if (username === USER && password === PASSWORD) return callback(null, { user: USER });
      callback(Object.assign(new Error("Authentication failed"), { responseCode: 535 }));
    },
    onRcptTo({ address }, _session, callback) {
      const code = receiver.refuseRecipient(address);
      if (code === undefined) return callback();
      const reason = code >= 500 ? "No such mailbox" : "Mailbox busy, try again later";
      callback(Object.assign(new Error(`${reason}: ${address}`), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const { mailFrom, rcptTo } = session.envelope;
        receiver.received.push({
          from: mailFrom ? mailFrom.address : "",
          to: rcptTo.map((r) => r.address),
          ...readMessage(Buffer.concat(chunks).toString("utf8")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  receiver.url = `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`;
  // The same object the server's handlers read, so a test's `refuseRecipient` takes effect.
  return Object.assign(receiver, {
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** The subject, Message-ID and text/HTML parts of a MIME message as nodemailer writes one. */
function readMessage(raw: string) {
  const [head = "", body = ""] = splitHead(raw);
  const header = (name: string) =>
    head.match(new RegExp(`^${name}: (.*)$`, "im"))?.[1]?.trim() ?? "";
  const boundary = head.match(/boundary="([^"]+)"/)?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  const part = (type: string) => {
    const found = parts.find((p) => new RegExp(`content-type: ${type}`, "i").test(p)) ?? "";
    const [partHead = "", partBody = ""] = splitHead(found.replace(/^\r\n/, ""));
    return /quoted-printable/i.test(partHead) ? decodeQuotedPrintable(partBody) : partBody;
  };
  return {
    subject: decodeWords(header("Subject")),
    messageId: header("Message-ID"),
    text: part("text/plain").replace(/\r\n/g, "\n").trimEnd(),
    html: part("text/html").replace(/\r\n/g, "\n").trimEnd(),
  };
}

function splitHead(raw: string): [string, string] {
  const at = raw.indexOf("\r\n\r\n");
  // Folded header lines continue with whitespace: unfold them so each header is one line.
  return [raw.slice(0, at).replace(/\r\n[ \t]+/g, " "), raw.slice(at + 4)];
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as a subject with "—" is sent. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, word: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(word, "base64").toString("utf8")
        : decodeQuotedPrintable(word.replace(/_/g, " ")),
    );
}
