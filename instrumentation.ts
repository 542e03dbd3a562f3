// Next.js calls register() once when a server starts: validate the configuration there, so a wrong
// value stops the web app at start-up with a sentence naming it, not at the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv, ConfigError } = await import("./lib/env");
  try {
    getEnv();
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    throw error;
  }
}
