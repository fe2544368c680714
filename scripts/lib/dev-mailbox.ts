import { startDevMailbox as start, type DevMailbox } from "../../lib/mail/dev-mailbox-server";

export async function startDevMailbox(options: { port: number; dir: string }): Promise<DevMailbox> {
  try {
    return await start(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === "EADDRINUSE"
        ? `Port ${options.port} for the dev mailbox is already in use. Set DEV_SMTP_PORT to another port, or SMTP_URL to use a real SMTP server.`
        : `The dev mailbox could not start: ${(error as Error).message}`,
    );
  }
}
